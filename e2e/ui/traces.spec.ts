import { expect, test } from "@playwright/test";
import { AppShell } from "../pages/app-shell";
import { largeTrace, OrderFlowPage, orderScenario, sendScenario, TraceSearchPage, TraceViewPage } from "../pages/trace-pages";

test("search by order.id, open the order flow, open a trace, follow a link to the consumer's trace and back", async ({ page, request }) => {
  const scenario = orderScenario();
  await sendScenario(request, scenario.body);
  const shell = new AppShell(page);
  const search = new TraceSearchPage(page);

  await search.searchByKey("order.id", scenario.orderId);
  await expect(search.resultRows()).toHaveCount(4);
  await expect(search.traceLink(scenario.trace.ledger)).toContainText("ledger");
  await page.reload();
  await expect(page.getByLabel(/^Value/)).toHaveValue(scenario.orderId);
  await shell.screenshot("traces-search");

  await search.flowLink("order.id", scenario.orderId).click();
  await expect(page).toHaveURL(`/flows?key=order.id&value=${scenario.orderId}`);
  const flow = new OrderFlowPage(page);
  await expect(flow.graph().getByText("payments.dlq")).toBeVisible();
  await expect(flow.graph().getByText("order.placed v1")).toBeVisible();
  await expect(flow.stat("Dead-lettered")).toHaveText("1");
  await expect(flow.stat("Traces")).toHaveText("4");
  await expect(flow.hops().getByRole("row")).toHaveCount(5);
  await expect(flow.hops().getByRole("row", { name: /ledger/ })).toContainText("dead-lettered");
  await expect(flow.hops().getByRole("row", { name: /notification/ })).toContainText("1 retry");
  await shell.screenshot("traces-flow");
  await flow.graph().getByRole("group", { name: /^Service ledger/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/traces?service=ledger");
  await page.goBack();
  await expect(page).toHaveURL(`/flows?key=order.id&value=${scenario.orderId}`);

  await page.getByRole("link", { name: scenario.trace.checkout }).click();
  await expect(page).toHaveURL(`/traces/${scenario.trace.checkout}`);
  await expect(shell.heading()).toHaveText("checkout: POST /orders");
  const trace = new TraceViewPage(page);
  await trace.spanRow(/orders publish/).click();
  await expect(page).toHaveURL(`/traces/${scenario.trace.checkout}?span=${scenario.span.placed}`);
  await expect(trace.details()).toContainText("Linked from");
  await shell.screenshot("traces-trace");

  await trace.details().getByRole("link", { name: /payment: orders process/ }).click();
  await expect(page).toHaveURL(`/traces/${scenario.trace.payment}?span=${scenario.span.paymentConsume}`);
  await expect(shell.heading()).toHaveText("payment: orders process");
  await expect(trace.spanRow(/orders process/)).toHaveAttribute("aria-selected", "true");
  await shell.screenshot("traces-consumer");

  await trace.details().getByRole("link", { name: /checkout: orders publish/ }).click();
  await expect(page).toHaveURL(`/traces/${scenario.trace.checkout}?span=${scenario.span.placed}`);
  await expect(trace.spanRow(/orders publish/)).toHaveAttribute("aria-selected", "true");
  expect(shell.consoleErrors).toEqual([]);
});

test("the waterfall works from the keyboard and keeps the selected span in the URL", async ({ page, request }) => {
  const scenario = orderScenario();
  await sendScenario(request, scenario.body);
  const shell = new AppShell(page);
  await shell.open(`/traces/${scenario.trace.checkout}`);
  const trace = new TraceViewPage(page);
  await trace.spanRow(/POST \/orders/).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(`/traces/${scenario.trace.checkout}?span=${scenario.span.placed}`);
  await expect(trace.spanRow(/orders publish/)).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(trace.spanRow(/orders process/)).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(trace.spanRow(/orders process/)).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(page).toHaveURL(`/traces/${scenario.trace.checkout}?span=${scenario.span.inventory}`);
  await page.reload();
  await expect(trace.spanRow(/orders process/)).toHaveAttribute("aria-selected", "true");
  expect(shell.consoleErrors).toEqual([]);
});

test("a 5,000-span trace renders only the rows in view, and the keyboard reaches its last span", async ({ page, request }) => {
  const large = largeTrace(5_000);
  await sendScenario(request, large.body);
  const shell = new AppShell(page);
  await shell.open(`/traces/${large.traceId}`);
  const trace = new TraceViewPage(page);
  await expect(trace.spanRow(/bulk import/)).toBeVisible();
  await expect(page.getByText("5,000 spans", { exact: false })).toBeVisible();
  const rendered = await page.getByRole("treeitem").count();
  expect(rendered).toBeLessThan(100);
  await trace.spanRow(/bulk import/).focus();
  await page.keyboard.press("End");
  await expect(trace.spanRow(/step 4999\b/)).toBeFocused();
  await expect(trace.spanRow(/bulk import/)).toHaveCount(0);
  expect(await page.getByRole("treeitem").count()).toBeLessThan(100);
  await shell.screenshot("traces-large");
  expect(shell.consoleErrors).toEqual([]);
});

test("the trace pages read well in dark mode", async ({ page, request }) => {
  const scenario = orderScenario();
  await sendScenario(request, scenario.body);
  await page.emulateMedia({ colorScheme: "dark" });
  const shell = new AppShell(page);
  await shell.open(`/flows?key=order.id&value=${scenario.orderId}`);
  await expect(new OrderFlowPage(page).graph().getByText("payments.dlq")).toBeVisible();
  await shell.screenshot("traces-flow-dark");
  await shell.open(`/traces/${scenario.trace.payment}`);
  await expect(shell.heading()).toHaveText("payment: orders process");
  await shell.screenshot("traces-consumer-dark");
  expect(shell.consoleErrors).toEqual([]);
});

test("a time range relative to now stays relative in the URL", async ({ page, request }) => {
  const scenario = orderScenario();
  await sendScenario(request, scenario.body);
  const shell = new AppShell(page);
  const search = new TraceSearchPage(page);
  await search.searchByKey("order.id", scenario.orderId);
  await page.getByLabel("From").fill("now-15m");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/[?&]from=now-15m(&|$)/);
  await expect(search.resultRows()).toHaveCount(4);
  await shell.open(`/traces?key=order.id&value=${scenario.orderId}&to=now-1h`);
  await expect(page.getByText("No trace matches this search.")).toBeVisible();
  expect(shell.consoleErrors).toEqual([]);
});

test("searches that find nothing, and unknown traces, say so", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open("/traces?key=order.id&value=no-such-order");
  await expect(page.getByText("No trace matches this search.")).toBeVisible();
  await shell.open("/flows?key=order.id&value=no-such-order");
  await expect(page.getByText(/No trace carries/)).toBeVisible();
  await shell.open(`/traces/${"0".repeat(31)}1`);
  await expect(shell.heading()).toHaveText("Trace not found");
  await shell.open("/traces?minMs=abc");
  await expect(page.locator(".callout-bad")).toContainText("minMs");
  expect(shell.consoleErrors).toEqual([]);
});
