import { expect, test } from "@playwright/test";
import { AppShell, navigationTargets } from "../pages/app-shell";

test("the overview shows live counts from the database", async ({ page, request }) => {
  // Specs that run earlier (OTLP ingest, event flow) store spans: count what the API counts.
  const counts = (await (await request.get("/api/overview")).json()) as { eventTypes: number; spansStored: number };
  const shell = new AppShell(page);
  await shell.open("/");
  await expect(shell.heading()).toHaveText("Overview");
  await expect(shell.stat("Event types")).toContainText(String(counts.eventTypes));
  await expect(shell.stat("Spans stored")).toContainText(new Intl.NumberFormat("en").format(counts.spansStored));
  await shell.screenshot("overview");
  expect(shell.consoleErrors).toEqual([]);
});

for (const target of navigationTargets) {
  test(`navigation reaches ${target.label}`, async ({ page }) => {
    const shell = new AppShell(page);
    await shell.open("/");
    await shell.navigateTo(target.label);
    await expect(page).toHaveURL(target.path);
    await expect(shell.heading()).toHaveText(target.heading);
    await expect(shell.navigation().getByRole("link", { name: target.label, exact: true })).toHaveAttribute("aria-current", "page");
    await shell.screenshot(target.path.slice(1));
    expect(shell.consoleErrors).toEqual([]);
  });
}

test("the navigation works from the keyboard", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(shell.navigation().getByRole("link", { name: "Catalog" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/catalog");
});

test("the catalog lists the demo event types and keeps its search in the URL", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open("/catalog");
  await expect(page.getByRole("cell", { name: /order\.placed/ })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search the catalog" }).fill("payment");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/catalog?q=payment");
  await expect(page.getByRole("cell", { name: /payment\.failed/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /inventory\.reserved/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search the catalog" })).toHaveValue("payment");
  expect(shell.consoleErrors).toEqual([]);
});

test("an unknown page says so", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("This page does not exist.")).toBeVisible();
});
