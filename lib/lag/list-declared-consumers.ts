import type { Database } from "../db";

export interface DeclaredConsumer {
  eventType: string;
  consumer: string;
}

/** Each (event type, consumer) pair declared in the catalog: the rows lag is measured for. */
export async function listDeclaredConsumers(database: Database): Promise<DeclaredConsumer[]> {
  const roles = await database.eventServiceRole.findMany({
    where: { role: "CONSUMER" },
    select: { eventType: { select: { name: true } }, service: { select: { name: true } } },
    orderBy: [{ eventType: { name: "asc" } }, { service: { name: "asc" } }],
  });
  return roles.map((role) => ({ eventType: role.eventType.name, consumer: role.service.name }));
}
