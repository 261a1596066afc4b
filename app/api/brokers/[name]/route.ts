import { z } from "zod";
import { toView } from "@/lib/brokers/connections/broker-connection";
import { brokerDirectory, openBroker } from "@/lib/brokers/connections/broker-directory";
import { deleteBrokerConnection } from "@/lib/brokers/connections/delete-broker-connection";
import { route } from "@/lib/http/route";

const params = z.object({ name: z.string() });

export const GET = route({ name: "GET /api/brokers/:name", params }, async ({ params }) => {
  const { connection, broker } = await openBroker(brokerDirectory(), params.name);
  return { ...toView(connection), health: await broker.checkHealth() };
});

export const DELETE = route({ name: "DELETE /api/brokers/:name", params }, async ({ params }) => {
  await deleteBrokerConnection(brokerDirectory(), params.name);
  return new Response(null, { status: 204 });
});
