import type {
  ArrayNode,
  CombinedNode,
  ConcreteNode,
  Criterion,
  NodeMeta,
  ObjectNode,
  PatternProperty,
  RefNode,
  SchemaNode,
  StringNode,
} from "./schema-model";
import {
  canonicalJson,
  compilePattern,
  invalid,
  isObject,
  numberNode,
  type Json,
  type JsonObject,
  objectKeyword,
  optionalNumber,
  optionalString,
  readMeta,
  stringArray,
} from "./schema-keywords";

type PartBase = { uid: number; key: string; meta: NodeMeta };

const typeNames = new Set(["string", "number", "integer", "object", "array", "boolean", "null"]);

/** Keywords that imply a type when `type` is absent, as everit's property sniffing does. */
const sniffedKeywords: Record<"string" | "number" | "object" | "array", string[]> = {
  string: ["minLength", "maxLength", "pattern", "format"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  object: [
    "properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties",
    "dependencies", "dependentRequired", "dependentSchemas", "propertyNames",
  ],
  array: ["items", "prefixItems", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains"],
};

let uidCounter = 0;

/**
 * Parses JSON Schema text (draft-04 to 2020-12) into a node graph with every local `$ref` resolved.
 * @throws InvalidSchemaError when the text is not JSON, not a schema, or has an unresolvable or circular `$ref`.
 */
export function parseJsonSchema(text: string): SchemaNode {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(`the text is not valid JSON (${error instanceof Error ? error.message : String(error)})`, error);
  }
  if (typeof raw !== "boolean" && !isObject(raw as Json)) {
    throw invalid("a schema must be a JSON object or a boolean");
  }
  const json = raw as Json;
  const draft = isObject(json) && typeof json.$schema === "string" ? json.$schema : "";
  return new SchemaLoader(json, /2019-09|2020-12/.test(draft)).loadRoot();
}

/** Follows `$ref` nodes to the schema they point at. The loader has already rejected circular chains. */
export function resolveNode(node: SchemaNode): ConcreteNode {
  let current: SchemaNode = node;
  while (current.kind === "ref") {
    if (!current.target) throw new Error(`unresolved $ref ${current.ref}`);
    current = current.target;
  }
  return current;
}

class SchemaLoader {
  // Keyed by the raw object so that a `$ref` to an already loaded schema yields the same node: recursive schemas
  // become cyclic graphs that the diff's recursion guard recognises.
  private readonly cache = new WeakMap<object, SchemaNode>();
  private readonly refs: RefNode[] = [];

  constructor(
    private readonly root: Json,
    private readonly modern: boolean,
  ) {}

  loadRoot(): SchemaNode {
    const node = this.load(this.root, "#");
    for (let index = 0; index < this.refs.length; index++) {
      const ref = this.refs[index];
      if (ref) ref.target = this.load(this.resolvePointer(ref.ref), ref.ref);
    }
    for (const ref of this.refs) {
      const seen = new Set<SchemaNode>();
      let current: SchemaNode | undefined = ref;
      while (current?.kind === "ref") {
        if (seen.has(current)) throw invalid(`circular $ref chain through "${ref.ref}" never reaches a schema`);
        seen.add(current);
        current = current.target;
      }
    }
    return node;
  }

  private load(raw: Json, at: string): SchemaNode {
    if (raw === true) return { kind: "empty", uid: ++uidCounter, key: "true", meta: { hasDefault: false } };
    if (raw === false) return { kind: "false", uid: ++uidCounter, key: "false", meta: { hasDefault: false } };
    if (!isObject(raw)) throw invalid(`${at} is not a schema (expected an object or a boolean)`);
    const cached = this.cache.get(raw);
    if (cached) return cached;
    const node = this.build(raw, at);
    this.cache.set(raw, node);
    return node;
  }

  private build(raw: JsonObject, at: string): SchemaNode {
    const meta = readMeta(raw);
    const key = canonicalJson(raw);
    const parts: SchemaNode[] = [];
    if (raw.$ref !== undefined) {
      if (typeof raw.$ref !== "string") throw invalid(`${at}/$ref must be a string`);
      const ref: RefNode = { kind: "ref", ref: raw.$ref, uid: ++uidCounter, key, meta };
      this.refs.push(ref);
      // Before 2019-09, keywords beside $ref are ignored.
      if (!this.modern) return ref;
      parts.push(ref);
    }
    if (raw.enum !== undefined) {
      if (!Array.isArray(raw.enum)) throw invalid(`${at}/enum must be an array`);
      parts.push({ kind: "enum", values: new Set(raw.enum.map(canonicalJson)), ...this.part(raw, "enum") });
    }
    if (raw.const !== undefined) parts.push({ kind: "const", value: canonicalJson(raw.const), ...this.part(raw, "const") });
    for (const criterion of ["allOf", "anyOf", "oneOf"] as const) {
      const list = raw[criterion];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.length === 0) throw invalid(`${at}/${criterion} must be a non-empty array`);
      const subschemas = list.map((sub, index) => this.load(sub, `${at}/${criterion}/${index}`));
      parts.push(combined(criterion, subschemas, false, `${criterion}:${key}`));
    }
    if (raw.not !== undefined) parts.push({ kind: "not", schema: this.load(raw.not, `${at}/not`), ...this.part(raw, "not") });
    parts.push(...this.typedParts(raw, at));

    if (parts.length === 0) return { kind: "empty", uid: ++uidCounter, key, meta };
    const single = parts.length === 1 ? parts[0] : undefined;
    if (single) {
      // Mutated, not copied: a reference node must stay the object the loader resolves later.
      single.key = key;
      single.meta = meta;
      return single;
    }
    return { ...combined("allOf", parts, true, key), meta };
  }

  private typedParts(raw: JsonObject, at: string): SchemaNode[] {
    if (raw.type !== undefined) {
      const types = typeof raw.type === "string" ? [raw.type] : Array.isArray(raw.type) ? raw.type : [];
      if (types.length === 0) throw invalid(`${at}/type must be a type name or a non-empty array of type names`);
      const nodes = types.map((type) => {
        if (typeof type !== "string" || !typeNames.has(type)) throw invalid(`${at}/type has unknown type ${JSON.stringify(type)}`);
        return this.typed(type, raw, at);
      });
      const single = nodes.length === 1 ? nodes[0] : undefined;
      return [single ?? combined("anyOf", nodes, true, `type:${canonicalJson(raw)}`)];
    }
    const sniffed = (Object.keys(sniffedKeywords) as (keyof typeof sniffedKeywords)[]).filter((type) =>
      sniffedKeywords[type].some((keyword) => raw[keyword] !== undefined),
    );
    return sniffed.map((type) => this.typed(type, raw, at));
  }

  private typed(type: string, raw: JsonObject, at: string): SchemaNode {
    const base = this.part(raw, type);
    switch (type) {
      case "string":
        return this.stringNode(raw, at, base);
      case "number":
      case "integer":
        return numberNode(raw, at, base, type === "integer");
      case "object":
        return this.objectNode(raw, at, base);
      case "array":
        return this.arrayNode(raw, at, base);
      case "boolean":
        return { kind: "boolean", ...base };
      default:
        return { kind: "null", ...base };
    }
  }

  private part(raw: JsonObject, tag: string): PartBase {
    return { uid: ++uidCounter, key: `${tag}:${canonicalJson(raw)}`, meta: { hasDefault: false } };
  }

  private stringNode(raw: JsonObject, at: string, base: PartBase): StringNode {
    const pattern = optionalString(raw, "pattern", at);
    if (pattern !== undefined) compilePattern(pattern, `${at}/pattern`);
    return {
      kind: "string",
      ...base,
      minLength: optionalNumber(raw, "minLength", at),
      maxLength: optionalNumber(raw, "maxLength", at),
      pattern,
    };
  }

  private objectNode(raw: JsonObject, at: string, base: PartBase): ObjectNode {
    const properties = new Map<string, SchemaNode>();
    for (const [name, schema] of Object.entries(objectKeyword(raw, "properties", at))) {
      properties.set(name, this.load(schema, `${at}/properties/${name}`));
    }
    const patternProperties: PatternProperty[] = Object.entries(objectKeyword(raw, "patternProperties", at)).map(
      ([source, schema]) => ({
        source,
        regex: compilePattern(source, `${at}/patternProperties`),
        schema: this.load(schema, `${at}/patternProperties/${source}`),
      }),
    );
    const additional = raw.additionalProperties;
    const node: ObjectNode = {
      kind: "object",
      ...base,
      properties,
      required: new Set(stringArray(raw.required ?? [], `${at}/required`)),
      permitsAdditional: additional !== false,
      additionalSchema: isObject(additional) ? this.load(additional, `${at}/additionalProperties`) : undefined,
      patternProperties,
      minProperties: optionalNumber(raw, "minProperties", at),
      maxProperties: optionalNumber(raw, "maxProperties", at),
      propertyDependencies: new Map(),
      schemaDependencies: new Map(),
    };
    for (const keyword of ["dependencies", "dependentRequired", "dependentSchemas"]) {
      for (const [name, value] of Object.entries(objectKeyword(raw, keyword, at))) {
        if (Array.isArray(value) && keyword !== "dependentSchemas") {
          node.propertyDependencies.set(name, { keyword, names: new Set(stringArray(value, `${at}/${keyword}/${name}`)) });
        } else if (keyword !== "dependentRequired") {
          node.schemaDependencies.set(name, { keyword, schema: this.load(value, `${at}/${keyword}/${name}`) });
        } else {
          throw invalid(`${at}/dependentRequired/${name} must be an array of property names`);
        }
      }
    }
    return node;
  }

  private arrayNode(raw: JsonObject, at: string, base: PartBase): ArrayNode {
    const loadList = (list: Json[], keyword: string) => list.map((item, index) => this.load(item, `${at}/${keyword}/${index}`));
    const node: ArrayNode = {
      kind: "array",
      ...base,
      tupleKeyword: "items",
      permitsAdditionalItems: true,
      additionalItemsKeyword: "additionalItems",
      minItems: optionalNumber(raw, "minItems", at),
      maxItems: optionalNumber(raw, "maxItems", at),
      uniqueItems: raw.uniqueItems === true,
    };
    const { items, prefixItems, additionalItems } = raw;
    if (this.modern && Array.isArray(prefixItems)) {
      // 2020-12: `items` after `prefixItems` plays the role draft-07's `additionalItems` had.
      node.tuple = loadList(prefixItems, "prefixItems");
      node.tupleKeyword = "prefixItems";
      node.additionalItemsKeyword = "items";
      applyAdditionalItems(node, items, (schema) => this.load(schema, `${at}/items`));
      return node;
    }
    if (Array.isArray(items)) node.tuple = loadList(items, "items");
    else if (items !== undefined) node.allItems = this.load(items, `${at}/items`);
    // Kept even beside an all-items schema, as everit does, so that its changes are still reported.
    applyAdditionalItems(node, additionalItems, (schema) => this.load(schema, `${at}/additionalItems`));
    return node;
  }

  private resolvePointer(ref: string): Json {
    if (!ref.startsWith("#")) {
      throw invalid(`$ref "${ref}" points outside this schema; only local references such as "#/definitions/name" are supported`);
    }
    let current: Json = this.root;
    const pointer = decodeURIComponent(ref.slice(1));
    if (pointer === "") return current;
    if (!pointer.startsWith("/")) throw invalid(`$ref "${ref}" is not a JSON pointer (anchors are not supported)`);
    for (const segment of pointer.slice(1).split("/")) {
      const name = segment.replace(/~1/g, "/").replace(/~0/g, "~");
      const next: Json | undefined = Array.isArray(current)
        ? current[Number(name)]
        : isObject(current) && Object.hasOwn(current, name)
          ? current[name]
          : undefined;
      if (next === undefined) throw invalid(`$ref "${ref}" does not resolve to anything in the schema`);
      current = next;
    }
    return current;
  }
}

function combined(criterion: Criterion, subschemas: SchemaNode[], synthetic: boolean, key: string): CombinedNode {
  return { kind: "combined", criterion, subschemas, synthetic, uid: ++uidCounter, key, meta: { hasDefault: false } };
}

function applyAdditionalItems(node: ArrayNode, value: Json | undefined, load: (schema: Json) => SchemaNode): void {
  if (value === false) node.permitsAdditionalItems = false;
  else if (isObject(value)) node.additionalItemsSchema = load(value);
}
