import { z } from "zod";
import { brokerDirectory } from "@/lib/brokers/connections/broker-directory";
import { deadLetterQuerySchema, listDeadLetters } from "@/lib/dlq/list-dead-letters";
import { route } from "@/lib/http/route";

export const GET = route(
  { name: "GET /api/brokers/:name/dead-letters", params: z.object({ name: z.string() }), query: deadLetterQuerySchema.omit({ broker: true }) },
  ({ params, query }) => listDeadLetters(brokerDirectory(), { ...query, broker: params.name }),
);
