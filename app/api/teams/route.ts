import { db } from "@/lib/db";
import { route } from "@/lib/http/route";
import { getTeam, listTeams, saveTeam, teamInputSchema } from "@/lib/registry/teams";

export const GET = route({ name: "GET /api/teams" }, () => listTeams(db()));

export const PUT = route({ name: "PUT /api/teams", body: teamInputSchema }, async ({ body }) => {
  await saveTeam(db(), body);
  return getTeam(db(), body.slug);
});
