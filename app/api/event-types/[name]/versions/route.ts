import { z } from "zod";
import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { registerEventVersion, registerEventVersionInputSchema } from "@/lib/registry/register-event-version";

export const POST = route(
  { name: "POST /api/event-types/:name/versions", params: z.object({ name: z.string() }), body: registerEventVersionInputSchema },
  async ({ params, body }) => {
    const result = await registerEventVersion(db(), params.name, body);
    switch (result.status) {
      case "registered":
        return Response.json(result, { status: 201 });
      case "exists":
        return result;
      case "incompatible":
        return Response.json(
          {
            ...result,
            error: {
              code: "CONFLICT",
              message: `The schema is incompatible with ${params.name} under ${result.mode}: ${result.differences.length} breaking difference(s). Fix them, or change the compatibility mode if the break is intended.`,
            },
          },
          { status: 409 },
        );
    }
  },
);
