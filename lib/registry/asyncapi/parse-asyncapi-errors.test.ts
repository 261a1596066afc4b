import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { describe, expect, it, vi } from "vitest";
import { parseAsyncApi, type AsyncApiUpload } from "./parse-asyncapi";
import { inlineUpload } from "./test-fixtures";

async function errorsOf(upload: AsyncApiUpload): Promise<string[]> {
  const result = await parseAsyncApi(upload);
  if (result.ok) throw new Error("expected the document to be rejected");
  return result.errors;
}

const minimal = (channels: string) => `asyncapi: 3.0.0
info:
  title: Broken
  version: 1.0.0
channels:
${channels}`;

describe("parseAsyncApi rejects invalid documents with the parser's messages", () => {
  it("broken YAML, with the line", async () => {
    const errors = await errorsOf(inlineUpload("asyncapi: 3.0.0\ninfo:\n  title: x\n  version: 1\n   bad: [\n"));
    expect(errors).toContain("line 5: Bad indentation of a mapping entry");
  });

  it("a missing required field", async () => {
    expect(await errorsOf(inlineUpload("asyncapi: 3.0.0\nchannels: {}\n"))).toEqual(['Object must have required property "info"']);
  });

  it("a document that is not AsyncAPI", async () => {
    expect(await errorsOf(inlineUpload('{"openapi": "3.1.0"}', "api.json"))).toEqual([
      'This is not an AsyncAPI document. The "asyncapi" field as string is missing.',
    ]);
  });

  it("an invalid field, prefixed with its location", async () => {
    const errors = await errorsOf(inlineUpload(minimal("  orders:\n    address: 42\n")));
    expect(errors.some((error) => error.startsWith("#/channels/orders/address: "))).toBe(true);
  });

  it("an unresolvable internal $ref", async () => {
    const errors = await errorsOf(inlineUpload(minimal("  orders:\n    messages:\n      m:\n        $ref: '#/components/messages/nope'\n")));
    expect(errors).toEqual(["#/channels/orders/messages/m/$ref: '#/components/messages/nope' does not exist"]);
  });

  it("a $ref to a file that is not part of the upload", async () => {
    const errors = await errorsOf({
      files: [{ path: "api/asyncapi.yaml", content: minimal("  orders:\n    messages:\n      m:\n        $ref: '../common/missing.yaml#/m'\n") }],
      entry: "api/asyncapi.yaml",
    });
    expect(errors).toContain("Cannot resolve reference: common/missing.yaml is not part of the upload");
    expect(errors).toContain("#/m/$ref: '#/m' does not exist @ 'common/missing.yaml'");
  });

  it("a $ref escaping the upload is never read from disk", async () => {
    const errors = await errorsOf(inlineUpload(minimal("  orders:\n    description:\n      $ref: '../../../../../../etc/hostname'\n")));
    expect(errors).toContain("Cannot resolve reference: /etc/hostname is not part of the upload");
  });

  it("an http $ref is an error and is not fetched", async () => {
    const errors = await errorsOf(inlineUpload(minimal("  orders:\n    messages:\n      m:\n        $ref: 'http://example.com/messages.yaml#/m'\n")));
    expect(errors[0]).toBe("External reference not allowed (only files of the upload can be referenced): http://example.com/messages.yaml");
  });

  it("never reads the file system nor the network while resolving", async () => {
    const spies = [vi.spyOn(fs, "readFile"), vi.spyOn(http, "request"), vi.spyOn(https, "request")];
    try {
      const refs = ["../../../../../../etc/hostname", "https://example.com/a.yaml#/m", "http://example.com/b.yaml#/m"];
      const channels = refs.map((ref, index) => `  c${index}:\n    messages:\n      m:\n        $ref: '${ref}'\n`).join("");
      const errors = await errorsOf(inlineUpload(minimal(channels)));
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(errors.filter((error) => /^(External reference not allowed|Cannot resolve reference)/.test(error))).toHaveLength(3);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("an entry that is not among the files", async () => {
    expect(await errorsOf({ files: [], entry: "asyncapi.yaml" })).toEqual(["Entry file asyncapi.yaml is not part of the upload"]);
  });

  it("does not leak files between uploads that use the same paths", async () => {
    const entry = minimal("  orders:\n    address: orders\n    messages:\n      m:\n        $ref: 'messages.yaml#/m'\n");
    const first = await parseAsyncApi({
      files: [{ path: "asyncapi.yaml", content: entry }, { path: "messages.yaml", content: "m:\n  name: first\n" }],
      entry: "asyncapi.yaml",
    });
    const second = await parseAsyncApi({
      files: [{ path: "asyncapi.yaml", content: entry }, { path: "messages.yaml", content: "m:\n  name: second\n" }],
      entry: "asyncapi.yaml",
    });
    expect(first.ok && first.document.eventTypes.map((e) => e.name)).toEqual(["first"]);
    expect(second.ok && second.document.eventTypes.map((e) => e.name)).toEqual(["second"]);
  });

  it("reports the parser's warnings on a valid document", async () => {
    const result = await parseAsyncApi(inlineUpload("asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels: {}\n"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toContain("#/info: Info object should have \"contact\" object.");
  });
});
