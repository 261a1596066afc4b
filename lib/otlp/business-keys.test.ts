import { describe, expect, it } from "vitest";
import { extractBusinessKeys } from "./business-keys";

describe("extractBusinessKeys", () => {
  it("reads the default attributes", () => {
    const attributes = { "order.id": "ord-1", "messaging.message.conversation_id": "corr-9", "customer.id": "c-1" };
    expect(extractBusinessKeys(attributes)).toEqual([
      { key: "order.id", value: "ord-1" },
      { key: "messaging.message.conversation_id", value: "corr-9" },
    ]);
  });

  it("indexes the legacy messaging.conversation_id under the current name, preferring the current attribute", () => {
    expect(extractBusinessKeys({ "messaging.conversation_id": "conv-1" })).toEqual([{ key: "messaging.message.conversation_id", value: "conv-1" }]);
    expect(extractBusinessKeys({ "messaging.conversation_id": "old", "messaging.message.conversation_id": "new" })).toEqual([{ key: "messaging.message.conversation_id", value: "new" }]);
  });

  it("stringifies numbers and booleans and fans out arrays", () => {
    const attributes = { "order.id": 42, "invoice.ids": ["i-1", 7, "i-1", { nested: "x" }], "is.vip": true };
    expect(extractBusinessKeys(attributes, ["order.id", "invoice.ids", "is.vip"])).toEqual([
      { key: "order.id", value: "42" },
      { key: "invoice.ids", value: "i-1" },
      { key: "invoice.ids", value: "7" },
      { key: "is.vip", value: "true" },
    ]);
  });

  it("skips empty, null, object and missing values, and inherited names", () => {
    const attributes = { "order.id": "", "customer.id": null, "cart.id": { id: 1 } };
    expect(extractBusinessKeys(attributes, ["order.id", "customer.id", "cart.id", "absent", "toString", "__proto__"])).toEqual([]);
  });

  it("keeps int64 strings as they are", () => {
    expect(extractBusinessKeys({ "order.id": "9223372036854775807" })).toEqual([{ key: "order.id", value: "9223372036854775807" }]);
  });
});
