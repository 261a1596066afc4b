import { ccompatRoute } from "@/lib/ccompat/ccompat-route";

// Confluent answers its root with an empty object; some tools use it as a reachability check.
export const GET = ccompatRoute({ name: "GET /api/ccompat" }, async () => ({}));
