import { route } from "@/lib/http/route";
import { getOrderFlow, orderFlowQuerySchema } from "@/lib/traces/query/get-order-flow";
import { spanReader } from "@/lib/traces/span-store/span-reader";

export const GET = route({ name: "GET /api/flows", query: orderFlowQuerySchema }, ({ query }) => getOrderFlow(spanReader(), query));
