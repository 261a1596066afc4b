import type { Page } from "@playwright/test";
import { AppShell } from "./app-shell";

/** `/settings`: the configuration and the broker connections. */
export class SettingsPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  open(): Promise<void> {
    return this.shell.open("/settings");
  }

  connectionRow(name: string) {
    return this.page.getByRole("table", { name: "Broker connections" }).getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  addForm() {
    return this.page.getByRole("form", { name: "Add a broker" });
  }

  async fill(connection: { name: string; kind: string; url: string; watched?: string }): Promise<void> {
    const form = this.addForm();
    await form.getByLabel("Name").fill(connection.name);
    await form.getByLabel("Kind").selectOption({ label: connection.kind });
    await form.getByLabel("URL").fill(connection.url);
    if (connection.watched !== undefined) await form.getByLabel(/Consumers to watch/).fill(connection.watched);
  }

  testButton() {
    return this.addForm().getByRole("button", { name: "Test connection" });
  }

  saveButton() {
    return this.addForm().getByRole("button", { name: "Test and save" });
  }
}
