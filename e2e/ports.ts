/** The e2e app's ports: HTTP (pages, API, /v1/traces) and the OTLP-only port. E2E_PORT lets a second checkout run the suite while another one is running. */
export const appPort = Number(process.env.E2E_PORT ?? 3210);
export const otlpPort = appPort + 1;
