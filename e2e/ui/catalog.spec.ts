import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { AppShell } from "../pages/app-shell";
import { CatalogPage, EventTypePage, ImportPage, RegisterVersionPage, unexpectedConsoleErrors } from "../pages/catalog-pages";

const streetlights = path.resolve(import.meta.dirname, "../../../shared/fixtures/asyncapi/streetlights-kafka-asyncapi.yml");

/** The latest schema of an event type, parsed, from the JSON API. */
async function latestSchema(request: APIRequestContext, name: string): Promise<{ version: number; schema: Record<string, unknown> }> {
  const detail = (await (await request.get(`/api/event-types/${name}`)).json()) as { versions: { version: number; schema: string }[] };
  const latest = detail.versions[0];
  if (!latest) throw new Error(`${name} has no versions`);
  return { version: latest.version, schema: JSON.parse(latest.schema) as Record<string, unknown> };
}

test("the catalog searches, filters by facet and keeps it all in the URL", async ({ page, request }) => {
  // Other specs (the Confluent API's) register subjects of their own: count what the API counts.
  const { total } = (await (await request.get("/api/event-types")).json()) as { total: number };
  const catalog = new CatalogPage(page);
  await catalog.open();
  await expect(catalog.eventTypeLink("order.placed")).toBeVisible();
  await expect(catalog.rows()).toHaveCount(total);

  await catalog.facet("Domain", "Payments").click();
  await expect(page).toHaveURL("/catalog?domain=payments");
  await expect(catalog.rows()).toHaveCount(2);
  await expect(catalog.activeFilters()).toContainText("domain: Payments");
  await expect(catalog.facet("Domain", "Payments")).toHaveAttribute("aria-current", "true");

  // "/" focuses the search; the search keeps the domain filter.
  await page.locator("body").press("/");
  await expect(catalog.searchBox()).toBeFocused();
  await catalog.search("declined");
  await expect(page).toHaveURL("/catalog?q=declined&domain=payments");
  await expect(catalog.rows()).toHaveCount(1);
  await expect(catalog.eventTypeLink("payment.failed")).toBeVisible();
  await catalog.shell.screenshot("catalog-search-facet");

  await catalog.activeFilters().getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL("/catalog");
  await expect(catalog.rows()).toHaveCount(total);

  await catalog.facet("Owner team", "Fulfilment").click();
  await expect(page).toHaveURL("/catalog?team=fulfilment");
  await expect(catalog.rows()).toHaveCount(2);
  await page.reload();
  await expect(catalog.activeFilters()).toContainText("owner team: Fulfilment");
  await expect(catalog.page.getByRole("link", { name: /^Export AsyncAPI/ })).toHaveAttribute("href", "/api/asyncapi/export");
  expect(unexpectedConsoleErrors(catalog.shell)).toEqual([]);
});

test("an event type shows its owner, versions, schema and example", async ({ page }) => {
  const catalog = new CatalogPage(page);
  await catalog.open();
  await catalog.eventTypeLink("order.placed").click();
  const eventType = new EventTypePage(page);
  await expect(eventType.shell.heading()).toHaveText("order.placed");
  await expect(page.getByRole("link", { name: "checkout@example.com" })).toHaveAttribute("href", "mailto:checkout@example.com");
  await expect(page.getByRole("region", { name: "About this event type" })).toContainText("BACKWARD · STRICT (registry default)");
  await expect(eventType.versionRow(1)).toContainText("1.0.0");
  await expect(eventType.versionRow(2)).toContainText("Adds the optional couponCode");
  await expect(eventType.schemaViewer(2)).toContainText('"couponCode"');

  await page.getByRole("navigation", { name: "Version shown" }).getByRole("link", { name: "v1" }).click();
  await expect(page).toHaveURL(/version=1/);
  await expect(eventType.schemaViewer(1)).not.toContainText("couponCode");
  await eventType.shell.screenshot("catalog-event-type");
  expect(unexpectedConsoleErrors(eventType.shell)).toEqual([]);
});

test("two versions of order.placed are compared side by side", async ({ page }) => {
  const eventType = new EventTypePage(page);
  await eventType.open("order.placed", "?from=2&to=1");
  await eventType.diffFrom().selectOption("1");
  await expect(page).toHaveURL(/from=1/);
  await eventType.diffTo().selectOption("2");
  await expect(page).toHaveURL(/from=1&to=2/);
  await expect(eventType.differences()).toHaveCount(1);
  await expect(eventType.differences().first()).toContainText("#/properties/couponCode");
  await expect(eventType.differences().first()).toContainText("compatible");
  await expect(eventType.diffTable().locator("td.diff-new")).toContainText(['"couponCode": {']);
  await page.locator("#diff").scrollIntoViewIfNeeded();
  await eventType.shell.screenshot("catalog-diff");
  expect(unexpectedConsoleErrors(eventType.shell)).toEqual([]);
});

test("an incompatible schema is explained and its registration blocked", async ({ page, request }) => {
  const { schema } = await latestSchema(request, "order.placed");
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  properties.totalCents = { type: "string" };

  const register = new RegisterVersionPage(page);
  await register.open("order.placed");
  await register.replaceText(register.schemaEditor(), JSON.stringify(schema, null, 2));
  // Without the example, which the changed type would also reject: the block is about compatibility.
  await register.clearText(register.exampleEditor());
  await expect(register.check()).toContainText("Incompatible");
  await register.waitForCheck();
  await expect(register.check()).toContainText("#/properties/totalCents");
  await expect(register.check()).toContainText("Consumers at risk: email, inventory, payment");

  await register.submit().click();
  await expect(register.outcome()).toContainText("incompatible with order.placed under BACKWARD");
  await expect(register.outcome()).toContainText("compatibility mode is NONE");
  await register.shell.screenshot("catalog-register-incompatible");
  expect(unexpectedConsoleErrors(register.shell, [409])).toEqual([]);
});

test("a compatible new version is checked live and registered", async ({ page, request }) => {
  const { version, schema } = await latestSchema(request, "order.placed");
  (schema.properties as Record<string, unknown>).giftMessage = { type: "string", maxLength: 200 };

  const register = new RegisterVersionPage(page);
  await register.open("order.placed");
  await expect(register.check()).toContainText(`already v${version}`);
  await register.replaceText(register.schemaEditor(), JSON.stringify(schema, null, 2));
  await expect(register.check()).toContainText(`Compatible with v${version} under BACKWARD`);
  await expect(page.getByText("The example matches the schema.")).toBeVisible();

  await register.replaceText(register.exampleEditor(), '{ "orderId": 42 }');
  await expect(page.getByRole("list", { name: "Example errors" })).toBeVisible();
  await register.replaceText(
    register.exampleEditor(),
    JSON.stringify({ orderId: "ord_1", customerId: "cus_1", lines: [{ sku: "A", quantity: 1, unitPriceCents: 100 }], totalCents: 100, currency: "EUR", placedAt: "2026-11-01T10:00:00Z", giftMessage: "Enjoy" }, null, 2),
  );
  await expect(page.getByText("The example matches the schema.")).toBeVisible();
  await register.label().fill("1.2.0");
  await register.changelog().fill("Adds the optional **giftMessage**.");
  await register.shell.screenshot("catalog-register-compatible");

  await register.submit().click();
  await expect(page).toHaveURL(`/catalog/order.placed?version=${version + 1}`);
  const eventType = new EventTypePage(page);
  await expect(eventType.versionRow(version + 1)).toContainText("1.2.0");
  await expect(eventType.versionRow(version + 1).locator("strong")).toHaveText("giftMessage");
  await expect(eventType.schemaViewer(version + 1)).toContainText('"giftMessage"');
  await eventType.shell.screenshot("catalog-registered");
  expect(unexpectedConsoleErrors(register.shell)).toEqual([]);
});

test("the compatibility mode is changed on the event type page, and back to the registry default", async ({ page, request }) => {
  const eventType = new EventTypePage(page);
  await eventType.open("order.shipped");
  const settings = page.getByRole("form", { name: "Compatibility settings" });
  const about = page.getByRole("region", { name: "About this event type" });
  await settings.getByLabel("Compatibility mode").selectOption("FULL_TRANSITIVE");
  await settings.getByLabel("Compatibility policy").selectOption("LENIENT");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(about).toContainText("FULL_TRANSITIVE · LENIENT (own)");
  const saved = (await (await request.get("/api/event-types/order.shipped")).json()) as { own: { mode: string; policy: string } };
  expect(saved.own).toEqual({ mode: "FULL_TRANSITIVE", policy: "LENIENT" });
  await eventType.shell.screenshot("catalog-compatibility-settings");

  await settings.getByLabel("Compatibility mode").selectOption("");
  await settings.getByLabel("Compatibility policy").selectOption("");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(about).toContainText("BACKWARD · STRICT (registry default)");
  expect(unexpectedConsoleErrors(eventType.shell)).toEqual([]);
});

test("lifecycle: deprecate, retire after confirming, and a refused transition explained", async ({ page, request }) => {
  const eventType = new EventTypePage(page);
  await eventType.open("payment.failed");
  await eventType.lifecycleButton("Deprecate", 1).click();
  await expect(eventType.versionRow(1)).toContainText("deprecated");
  await eventType.lifecycleButton("Retire", 1).click();
  await expect(eventType.confirmRetire(1)).toBeVisible();
  await eventType.shell.screenshot("catalog-lifecycle-confirm");
  await eventType.confirmRetire(1).click();
  await expect(eventType.versionRow(1)).toContainText("retired");
  await expect(eventType.versionRow(1)).toContainText("final");

  // Someone else retires order.cancelled v1 while this page still offers to deprecate it.
  await eventType.open("order.cancelled");
  for (const state of ["DEPRECATED", "RETIRED"]) {
    expect((await request.patch("/api/event-types/order.cancelled/versions/1", { data: { state } })).status()).toBe(200);
  }
  await eventType.lifecycleButton("Deprecate", 1).click();
  await expect(eventType.versionError(1)).toContainText("order.cancelled v1 is retired and cannot become deprecated (retired is final)");
  // The page refreshes to the state that refused the change and keeps the explanation beside it.
  await expect(eventType.versionRow(1).locator(".badge")).toHaveText("retired");
  await expect(eventType.versionError(1)).toBeVisible();
  await eventType.shell.screenshot("catalog-lifecycle-refused");
  expect(unexpectedConsoleErrors(eventType.shell, [409])).toEqual([]);
});

test("team and service pages link the catalog together", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open("/catalog/order.placed");
  await page.getByRole("link", { name: "Checkout", exact: true }).first().click();
  await expect(page).toHaveURL("/teams/checkout");
  await expect(shell.heading()).toHaveText("Checkout");
  await expect(page.getByText("Ada Lovelace")).toBeVisible();
  await expect(page.getByRole("link", { name: "order.placed" })).toBeVisible();
  await shell.screenshot("catalog-team");

  await page.getByRole("link", { name: "email", exact: true }).click();
  await expect(page).toHaveURL("/services/email");
  await expect(shell.heading()).toHaveText("email");
  await expect(page.getByRole("region", { name: /Consumes/ })).toContainText("order.placed");
  await shell.screenshot("catalog-service");

  await shell.open("/teams");
  await expect(page.getByRole("link", { name: "Payments" })).toBeVisible();
  await shell.open("/services");
  await expect(page.getByRole("link", { name: "inventory" })).toBeVisible();
  expect(shell.consoleErrors).toEqual([]);
});

test("an AsyncAPI document is imported into the catalog", async ({ page }) => {
  const importPage = new ImportPage(page);
  const catalog = new CatalogPage(page);
  await catalog.open();
  await page.getByRole("link", { name: "Import AsyncAPI" }).click();
  await expect(importPage.shell.heading()).toHaveText("Import AsyncAPI");

  await importPage.chooseFiles([streetlights]);
  await expect(importPage.entry("streetlights-kafka-asyncapi.yml")).toBeChecked();
  await importPage.submit().click();
  await expect(importPage.result()).toContainText("Imported:", { timeout: 20_000 });
  await expect(importPage.result()).toContainText(/[1-9]\d* created/);
  await importPage.shell.screenshot("catalog-import");

  const created = importPage.result().getByRole("region", { name: "Created" }).getByRole("link").first();
  const name = (await created.textContent()) ?? "";
  await created.click();
  await expect(importPage.shell.heading()).toHaveText(name);
  expect(unexpectedConsoleErrors(importPage.shell)).toEqual([]);
});
