import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getOrderFlow, orderFlowQuerySchema } from "@/lib/traces/query/get-order-flow";

export const GET = route({ name: "GET /api/flows", query: orderFlowQuerySchema }, ({ query }) => getOrderFlow(db(), query));
