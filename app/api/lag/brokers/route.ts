import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { route } from "@/lib/http/route";
import { readBrokerLag } from "@/lib/lag/read-broker-lag";

export const GET = route({ name: "GET /api/lag/brokers" }, () => readBrokerLag(brokerDirectory()));
