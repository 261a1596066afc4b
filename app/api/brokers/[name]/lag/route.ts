import { z } from "zod";
import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { route } from "@/lib/http/route";
import { readLagOfBroker } from "@/lib/lag/read-broker-lag";

export const GET = route({ name: "GET /api/brokers/:name/lag", params: z.object({ name: z.string() }) }, ({ params }) => readLagOfBroker(brokerDirectory(), params.name));
