import { ccompatRoute } from "@/lib/ccompat/ccompat-route";

// Eventscope always accepts registrations: Confluent's READONLY and IMPORT modes are not offered.
export const GET = ccompatRoute({ name: "GET /api/ccompat/mode" }, async () => ({ mode: "READWRITE" }));
