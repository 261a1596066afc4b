import { expect, type Locator, type Page } from "@playwright/test";
import { AppShell } from "./app-shell";

/**
 * Console errors a page may log on purpose: Chromium reports every 4xx answer to fetch as
 * "Failed to load resource", even when the UI expects and explains it (a 409 refusal).
 */
export function unexpectedConsoleErrors(shell: AppShell, expectedStatuses: number[] = []): string[] {
  return shell.consoleErrors.filter(
    (message) => !expectedStatuses.some((status) => message.includes(`Failed to load resource: the server responded with a status of ${status}`)),
  );
}

/** `/catalog`: search, facets, the table and pagination. */
export class CatalogPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(query = ""): Promise<void> {
    await this.shell.open(`/catalog${query}`);
    await expect(this.shell.heading()).toHaveText("Catalog");
  }

  searchBox(): Locator {
    return this.page.getByRole("searchbox", { name: "Search the catalog" });
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
    await this.searchBox().press("Enter");
  }

  facets(): Locator {
    return this.page.getByRole("complementary", { name: "Filters" });
  }

  /** A facet value's link, e.g. facet("Domain", "Payments"). */
  facet(title: string, label: string): Locator {
    return this.facets().getByRole("link", { name: new RegExp(`^${title}: ${label},`) });
  }

  activeFilters(): Locator {
    return this.page.getByRole("group", { name: "Active filters" });
  }

  rows(): Locator {
    return this.page.locator("table.catalog-table tbody tr");
  }

  eventTypeLink(name: string): Locator {
    return this.page.getByRole("table").getByRole("link", { name, exact: true });
  }
}

/** `/catalog/[name]`: facts, versions with lifecycle actions, schema viewer and the version diff. */
export class EventTypePage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(name: string, query = ""): Promise<void> {
    await this.shell.open(`/catalog/${encodeURIComponent(name)}${query}`);
    await expect(this.shell.heading()).toHaveText(name);
  }

  versionRow(version: number): Locator {
    return this.page.getByTestId(`version-row-${version}`);
  }

  lifecycleButton(label: string, version: number): Locator {
    return this.versionRow(version).getByRole("button", { name: `${label} v${version}`, exact: true });
  }

  confirmRetire(version: number): Locator {
    return this.versionRow(version).getByRole("button", { name: `Yes, retire v${version}` });
  }

  versionError(version: number): Locator {
    return this.versionRow(version).getByRole("alert");
  }

  schemaViewer(version: number): Locator {
    return this.page.getByLabel(new RegExp(`^Schema of .+ v${version}$`));
  }

  diffFrom(): Locator {
    return this.page.getByRole("combobox", { name: "Compare from version" });
  }

  diffTo(): Locator {
    return this.page.getByRole("combobox", { name: "Compare to version" });
  }

  differences(): Locator {
    return this.page.getByRole("list", { name: "Differences" }).getByRole("listitem");
  }

  diffTable(): Locator {
    return this.page.locator("table.diff-table");
  }
}

/** `/catalog/[name]/register`: the schema editor with its live compatibility check. */
export class RegisterVersionPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(name: string): Promise<void> {
    await this.shell.open(`/catalog/${encodeURIComponent(name)}/register`);
    await expect(this.shell.heading()).toContainText(name);
    await expect(this.schemaEditor()).toBeVisible();
  }

  schemaEditor(): Locator {
    return this.page.getByRole("textbox", { name: "Schema", exact: true });
  }

  exampleEditor(): Locator {
    return this.page.getByRole("textbox", { name: "Example payload", exact: true });
  }

  /** Replaces an editor's whole text, as a paste would. */
  async replaceText(editor: Locator, text: string): Promise<void> {
    await editor.click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.insertText(text);
  }

  async clearText(editor: Locator): Promise<void> {
    await editor.click();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.press("Backspace");
  }

  check(): Locator {
    return this.page.getByTestId("compatibility-check");
  }

  async waitForCheck(): Promise<void> {
    await expect(this.check()).toHaveAttribute("aria-busy", "false");
  }

  label(): Locator {
    return this.page.getByRole("textbox", { name: /^Label/ });
  }

  changelog(): Locator {
    return this.page.getByRole("textbox", { name: /^Changelog/ });
  }

  submit(): Locator {
    return this.page.getByRole("button", { name: "Register version" });
  }

  outcome(): Locator {
    return this.page.getByRole("alert").filter({ hasText: "Registration blocked" });
  }
}

/** `/catalog/import`. */
export class ImportPage {
  readonly shell: AppShell;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  async open(): Promise<void> {
    await this.shell.open("/catalog/import");
    await expect(this.shell.heading()).toHaveText("Import AsyncAPI");
  }

  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByLabel("AsyncAPI files").setInputFiles(paths);
  }

  entry(path: string): Locator {
    return this.page.getByRole("radio", { name: path });
  }

  submit(): Locator {
    return this.page.getByRole("button", { name: "Import", exact: true });
  }

  result(): Locator {
    return this.page.getByTestId("import-result");
  }
}
