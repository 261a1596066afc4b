/**
 * A typed view of a JSON Schema, shaped like the everit-json-schema model Confluent's diff works on: one node per
 * schema class (string, number, object, …), and several keywords of different classes in one schema object become a
 * synthetic `allOf` of one node per class.
 */

/** Annotations Confluent compares; every change to them is compatible. */
export interface NodeMeta {
  id?: string;
  title?: string;
  description?: string;
  hasDefault: boolean;
  /** Canonical JSON of the default, for equality. */
  defaultKey?: string;
}

interface BaseNode {
  /** Unique per loaded node; pairs of ids key the memo and the recursion guard. */
  uid: number;
  /** Canonical JSON of the schema the node came from: equal keys mean equal subschemas. */
  key: string;
  meta: NodeMeta;
}

export interface EmptyNode extends BaseNode {
  kind: "empty";
}
export interface FalseNode extends BaseNode {
  kind: "false";
}
export interface BooleanNode extends BaseNode {
  kind: "boolean";
}
export interface NullNode extends BaseNode {
  kind: "null";
}

export interface StringNode extends BaseNode {
  kind: "string";
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface NumberNode extends BaseNode {
  kind: "number";
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
}

export interface PatternProperty {
  source: string;
  regex: RegExp;
  schema: SchemaNode;
}

export interface ObjectNode extends BaseNode {
  kind: "object";
  properties: Map<string, SchemaNode>;
  required: Set<string>;
  /** False only for `additionalProperties: false`. */
  permitsAdditional: boolean;
  /** Set when `additionalProperties` is a schema object (including `{}`), as in everit. */
  additionalSchema?: SchemaNode;
  patternProperties: PatternProperty[];
  minProperties?: number;
  maxProperties?: number;
  /** Keyword used for dependencies: `dependencies` (draft-07) or `dependentRequired`/`dependentSchemas`. */
  propertyDependencies: Map<string, { keyword: string; names: Set<string> }>;
  schemaDependencies: Map<string, { keyword: string; schema: SchemaNode }>;
}

export interface ArrayNode extends BaseNode {
  kind: "array";
  /** Schema every item must match (`items` as an object). */
  allItems?: SchemaNode;
  /** Positional item schemas: draft-07 `items` as an array, or 2020-12 `prefixItems`. */
  tuple?: SchemaNode[];
  tupleKeyword: "items" | "prefixItems";
  /** False when items beyond the tuple are forbidden. */
  permitsAdditionalItems: boolean;
  additionalItemsSchema?: SchemaNode;
  /** `additionalItems` (draft-07) or `items` (2020-12, after `prefixItems`). */
  additionalItemsKeyword: "additionalItems" | "items";
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
}

export interface EnumNode extends BaseNode {
  kind: "enum";
  /** Canonical JSON of each permitted value. */
  values: Set<string>;
}

export interface ConstNode extends BaseNode {
  kind: "const";
  value: string;
}

export type Criterion = "allOf" | "anyOf" | "oneOf";

export interface CombinedNode extends BaseNode {
  kind: "combined";
  criterion: Criterion;
  subschemas: SchemaNode[];
  /** Made by the loader (type arrays, mixed keywords): it has no keyword in the schema text, so no path segment. */
  synthetic: boolean;
}

export interface NotNode extends BaseNode {
  kind: "not";
  schema: SchemaNode;
}

export interface RefNode extends BaseNode {
  kind: "ref";
  ref: string;
  /** Filled in by the loader once every reference is resolved. */
  target?: SchemaNode;
}

export type SchemaNode =
  | EmptyNode
  | FalseNode
  | BooleanNode
  | NullNode
  | StringNode
  | NumberNode
  | ObjectNode
  | ArrayNode
  | EnumNode
  | ConstNode
  | CombinedNode
  | NotNode
  | RefNode;

export type SchemaKind = SchemaNode["kind"];

/** A resolved node: never a reference. */
export type ConcreteNode = Exclude<SchemaNode, RefNode>;
