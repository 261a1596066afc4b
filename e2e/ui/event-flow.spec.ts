import { expect, test } from "@playwright/test";
import { AppShell } from "../pages/app-shell";
import { EventFlowPage, ObservedUsageSection } from "../pages/event-flow-pages";
import { orderScenario, sendScenario, TraceSearchPage } from "../pages/trace-pages";

test("an event type's page shows declared beside observed, and its flow leads to example traces", async ({ page, request }) => {
  const scenario = orderScenario();
  await sendScenario(request, scenario.body);
  const shell = new AppShell(page);
  await shell.open("/catalog/order.placed");
  const usage = new ObservedUsageSection(page);
  // The demo is off: email never processes order.placed, and the scenario's queue is not a catalog binding.
  await expect(usage.findings()).toContainText("email is declared as a consumer but was never seen processing order.placed.");
  await expect(usage.findings()).toContainText("order.placed travels through orders, which the catalog does not list as a binding.");
  await expect(usage.row("payment")).toContainText("declared");
  await expect(usage.row("email")).toContainText("never seen");
  // The assertions above read server-rendered HTML; let the page hydrate before the screenshot touches it.
  await page.waitForLoadState("networkidle");
  await shell.screenshot("event-flow-usage");

  await usage.section().getByRole("link", { name: "Event flow", exact: true }).click();
  await expect(page).toHaveURL("/catalog/order.placed/flow");
  await expect(shell.heading()).toHaveText("Event flow order.placed");
  const flow = new EventFlowPage(page);
  await expect(flow.edge("checkout", "orders")).toBeVisible();
  await expect(flow.edge("orders", "inventory")).toBeVisible();
  // What payment publishes while processing order.placed: one hop downstream.
  await expect(flow.edge("payment", "payments")).toContainText("payment.failed");

  await flow.selectEdge("orders", "payment");
  await expect(page).toHaveURL(/\/catalog\/order\.placed\/flow\?window=60&edge=deliver/);
  await expect(flow.edgeDetails()).toContainText("Publish → process");
  await expect(flow.exampleTrace(scenario.trace.payment)).toBeVisible();
  await shell.screenshot("event-flow");

  // The selected edge is in the URL: a reload keeps it.
  await page.reload();
  await expect(flow.edgeDetails()).toHaveAccessibleName("orders → payment");
  await flow.exampleTrace(scenario.trace.payment).click();
  await expect(page).toHaveURL(`/traces/${scenario.trace.payment}?span=${scenario.span.paymentConsume}`);
  await expect(shell.heading()).toHaveText("payment: orders process");
  expect(shell.consoleErrors).toEqual([]);
});

test("the event flow's edges can be chosen from the keyboard, and the window stays in the URL", async ({ page, request }) => {
  await sendScenario(request, orderScenario().body);
  const shell = new AppShell(page);
  await shell.open("/catalog/order.placed/flow?window=15");
  const flow = new EventFlowPage(page);
  await expect(page.getByRole("navigation", { name: "Time window" }).getByRole("link", { name: "Last 15 min" })).toHaveAttribute("aria-current", "page");
  await flow.edgeButton("orders", "inventory").focus();
  await page.keyboard.press("Enter");
  await expect(flow.edgeButton("orders", "inventory")).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/\?window=15&edge=deliver/);
  await expect(flow.edgeDetails()).toHaveAccessibleName("orders → inventory");
  await flow.edgeDetails().getByRole("button", { name: "Close" }).click();
  await expect(flow.edgeDetails()).toHaveCount(0);
  await expect(page).toHaveURL("/catalog/order.placed/flow?window=15");

  await flow.edge("orders", "payment").focus();
  await page.keyboard.press("Enter");
  await expect(flow.edgeDetails()).toHaveAccessibleName("orders → payment");
  await expect(page).toHaveURL(/\?window=15&edge=deliver/);
  expect(shell.consoleErrors).toEqual([]);
});

test("a service page shows what the service declares beside what it was seen doing", async ({ page, request }) => {
  await sendScenario(request, orderScenario().body);
  const shell = new AppShell(page);
  const usage = new ObservedUsageSection(page);
  await shell.open("/services/email");
  await expect(usage.findings()).toContainText("email is declared as a consumer but was never seen processing payment.failed.");
  await expect(usage.row("order.placed")).toContainText("never seen");
  await page.waitForLoadState("networkidle");
  await shell.screenshot("event-flow-service");

  await shell.open("/services/payment");
  await expect(usage.row("order.placed")).toContainText("consumer");
  await expect(usage.row("order.placed")).not.toContainText("never seen");

  await page.getByRole("link", { name: "Traces of payment" }).click();
  await expect(page).toHaveURL(/\/traces\?service=payment$/);
  await expect(page.getByLabel("Service")).toHaveValue("payment");
  await expect(new TraceSearchPage(page).resultRows().first()).toContainText("payment");
  expect(shell.consoleErrors).toEqual([]);
});

test("the event flow reads well in dark mode", async ({ page, request }) => {
  await sendScenario(request, orderScenario().body);
  await page.emulateMedia({ colorScheme: "dark" });
  const shell = new AppShell(page);
  await shell.open("/catalog/payment.failed/flow");
  const flow = new EventFlowPage(page);
  await expect(flow.graph().getByText("payments.dlq")).toBeVisible();
  await flow.selectEdge("payments", "ledger");
  await expect(flow.edgeDetails()).toContainText("failed");
  await shell.screenshot("event-flow-dark");
  expect(shell.consoleErrors).toEqual([]);
});
