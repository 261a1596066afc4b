import { fromWebRequest, ingestService, toWebResponse } from "@/lib/traces/ingest/ingest-runtime";

/** OTLP/HTTP trace ingestion (the path OpenTelemetry SDKs append to their endpoint). */
export async function POST(request: Request): Promise<Response> {
  return toWebResponse(await ingestService().handle(fromWebRequest(request)));
}
