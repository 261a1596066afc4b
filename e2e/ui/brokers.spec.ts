import { expect, test } from "@playwright/test";
import { startCuttableProxy } from "../../lib/testing/cuttable-proxy";
import { AppShell } from "../pages/app-shell";
import { unexpectedConsoleErrors } from "../pages/catalog-pages";
import { SettingsPage } from "../pages/settings-page";

const run = Date.now().toString(36);

test("a broker is tested and added in Settings; a wrong password is refused with the broker's reason", async ({ page, request }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.connectionRow("embedded")).toContainText("up");

  await settings.fill({ name: `rabbit-${run}`, kind: "RabbitMQ", url: "amqp://guest:wrong-password@127.0.0.1:5672", watched: "orders/billing" });
  await settings.testButton().click();
  await expect(settings.addForm().getByRole("status")).toContainText("RabbitMQ refused the credentials (ACCESS_REFUSED)");
  await settings.saveButton().click();
  await expect(settings.addForm().getByRole("alert")).toContainText("not saved: amqp://guest:****@127.0.0.1:5672 failed the connection test");
  await settings.shell.screenshot("settings-broker-refused");
  await expect(settings.connectionRow(`rabbit-${run}`)).toHaveCount(0);

  await settings.addForm().getByLabel("URL").fill("amqp://guest:guest@127.0.0.1:5672");
  await settings.testButton().click();
  await expect(settings.addForm().getByRole("status")).toContainText("up");
  await settings.saveButton().click();
  await expect(settings.connectionRow(`rabbit-${run}`)).toContainText("amqp://guest:****@127.0.0.1:5672");
  await expect(settings.connectionRow(`rabbit-${run}`)).toContainText("watching orders/billing");
  await expect(settings.connectionRow(`rabbit-${run}`)).toContainText("up");
  await settings.shell.screenshot("settings-brokers");
  // The password never reaches the browser, not even in the API the page reads.
  expect(await (await request.get("/api/brokers")).text()).not.toContain("guest:guest");

  await settings.connectionRow(`rabbit-${run}`).getByRole("button", { name: `Remove rabbit-${run}` }).click();
  await expect(settings.connectionRow(`rabbit-${run}`)).toHaveCount(0);
  expect(unexpectedConsoleErrors(settings.shell, [422])).toEqual([]);
});

test("a broker that stopped is reported in Settings, Lag and Dead letters, and the rest of the portal keeps working", async ({ page, request }) => {
  const proxy = await startCuttableProxy(5672);
  const name = `stopping-${run}`;
  const saved = await request.post("/api/brokers", { data: { name, kind: "rabbitmq", url: `amqp://guest:guest@127.0.0.1:${proxy.port}` } });
  expect(saved.status()).toBe(201);
  await proxy.cut();

  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.connectionRow(name)).toContainText("RabbitMQ is unreachable (ECONNREFUSED)", { timeout: 20_000 });
  await expect(settings.connectionRow("embedded")).toContainText("up");
  await settings.shell.screenshot("settings-broker-down");

  const shell = new AppShell(page);
  await shell.open("/lag");
  const lag = page.getByRole("table", { name: "Broker-side lag" });
  await expect(lag.getByRole("alert")).toContainText(`broker '${name}' (amqp://guest:****@127.0.0.1:${proxy.port}): RabbitMQ is unreachable`);
  await expect(page.getByRole("heading", { name: "Publish → process latency" })).toBeVisible();
  await shell.screenshot("lag-broker-down");

  await shell.open("/dead-letters");
  await page.getByRole("navigation", { name: "Broker" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(`/dead-letters?broker=${name}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("RabbitMQ is unreachable (ECONNREFUSED)");
  await shell.screenshot("dead-letters-broker-down");
  await page.getByRole("navigation", { name: "Broker" }).getByRole("link", { name: "embedded" }).click();
  await expect(page).toHaveURL("/dead-letters");
  await expect(page.getByText("No dead letters waiting.")).toBeVisible();

  await shell.open("/catalog");
  await expect(page.getByRole("link", { name: "order.placed" })).toBeVisible();
  expect((await request.delete(`/api/brokers/${name}`)).status()).toBe(204);
  expect(shell.consoleErrors).toEqual([]);
});
