import type { Database } from "../db";
import { saveDomain } from "../registry/domains";
import { registerEventVersion } from "../registry/register-event-version";
import { saveEventType } from "../registry/save-event-type";
import { saveService } from "../registry/services";
import { saveTeam } from "../registry/teams";
import { demoDomains, demoEventTypes, demoServices, demoTeams } from "./demo-catalog";

/**
 * Loads the demo catalog through the registry's own use cases. Idempotent: whatever already
 * exists is left as it is, so edits made in Eventscope survive a restart.
 */
export async function seedDemoCatalog(database: Database): Promise<void> {
  for (const team of demoTeams) {
    if (!(await database.team.findUnique({ where: { slug: team.slug } }))) await saveTeam(database, team);
  }
  for (const domain of demoDomains) {
    if (!(await database.domain.findUnique({ where: { slug: domain.slug } }))) await saveDomain(database, domain);
  }
  for (const service of demoServices) {
    if (!(await database.service.findUnique({ where: { name: service.name } }))) await saveService(database, service);
  }
  for (const { versions, ...eventType } of demoEventTypes) {
    if (await database.eventType.findUnique({ where: { name: eventType.name } })) continue;
    await saveEventType(database, { ...eventType, bindings: [{ broker: "embedded", destination: eventType.name, routingKey: "" }] }, { ifExists: "fail" });
    for (const version of versions) {
      await registerEventVersion(database, eventType.name, { format: "JSON_SCHEMA", createdBy: "demo seed", ...version });
    }
  }
}
