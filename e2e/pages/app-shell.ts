import { expect, type Page } from "@playwright/test";

export const navigationTargets = [
  { label: "Catalog", path: "/catalog", heading: "Catalog" },
  { label: "Traces", path: "/traces", heading: "Traces" },
  { label: "Lag", path: "/lag", heading: "Lag" },
  { label: "Dead letters", path: "/dead-letters", heading: "Dead letters" },
  { label: "Settings", path: "/settings", heading: "Settings" },
] as const;

/** The header and navigation every page shares; collects console errors while it is open. */
export class AppShell {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on("console", (message) => {
      if (message.type() === "error") this.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => this.consoleErrors.push(error.message));
  }

  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole("link", { name: "Eventscope" })).toBeVisible();
  }

  navigation() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  async navigateTo(label: string): Promise<void> {
    await this.navigation().getByRole("link", { name: label, exact: true }).click();
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  stat(label: string) {
    return this.page.getByTestId(`stat-${label.toLowerCase().replaceAll(" ", "-")}`);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });
  }
}
