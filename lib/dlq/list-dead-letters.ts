import type { BrokerResult } from "../brokers/broker-result";
import type { BrokerAdapter, DeadLetterSummary } from "../brokers/types";

/** Dead letters waiting for a decision on one broker, newest first (the first `limit`). */
export async function listWaitingDeadLetters(broker: BrokerAdapter, limit = 100): Promise<BrokerResult<DeadLetterSummary[]>> {
  const page = await broker.listDeadLetters({ limit });
  return page.status === "ok" ? { status: "ok", value: page.value.items } : page;
}
