import { z } from "zod";
import { brokerConnectionInputSchema } from "@/lib/brokers/connections/broker-connection";
import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { checkBrokerConnections } from "@/lib/brokers/connections/check-broker-connections";
import { saveBrokerConnection } from "@/lib/brokers/connections/save-broker-connection";
import { testBrokerConnection } from "@/lib/brokers/connections/test-broker-connection";
import { route } from "@/lib/http/route";

export const GET = route({ name: "GET /api/brokers" }, () => checkBrokerConnections(brokerDirectory()));

/** Saves a connection after testing it; with `?dryRun=true` only tests it and answers its health. */
export const POST = route(
  { name: "POST /api/brokers", body: brokerConnectionInputSchema, query: z.object({ dryRun: z.enum(["true", "false"]).default("false") }) },
  async ({ body, query }) => {
    if (query.dryRun === "true") return { health: await testBrokerConnection(brokerDirectory(), body) };
    return Response.json(await saveBrokerConnection(brokerDirectory(), body), { status: 201 });
  },
);
