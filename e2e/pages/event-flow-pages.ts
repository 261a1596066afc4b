import type { Locator, Page } from "@playwright/test";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The event flow view (`/catalog/{name}/flow?window=…&edge=…`). */
export class EventFlowPage {
  constructor(readonly page: Page) {}

  graph(): Locator {
    return this.page.getByTestId("flow-graph");
  }

  /** An edge of the graph, named by the labels of its two ends. */
  edge(from: string, to: string): Locator {
    return this.graph().getByRole("group", { name: new RegExp(`^Edge from ${escape(from)} to ${escape(to)}(:|$)`) });
  }

  /** Clicks an edge where a user would: on its label. */
  async selectEdge(from: string, to: string): Promise<void> {
    await this.edge(from, to).locator(".react-flow__edge-textwrapper").click();
  }

  /** The button that selects an edge in the table of edges. */
  edgeButton(from: string, to: string): Locator {
    return this.page.getByRole("table", { name: "Edges" }).getByRole("button", { name: `${from} → ${to}`, exact: true });
  }

  edgeDetails(): Locator {
    return this.page.getByRole("complementary");
  }

  exampleTrace(traceId: string): Locator {
    return this.page.getByRole("list", { name: "Example traces" }).getByRole("link", { name: traceId });
  }

  stat(label: string): Locator {
    return this.page.locator(".event-flow-stats .stat", { hasText: label }).locator(".stat-value");
  }
}

/** The "Declared and observed" section of an event type's or a service's page. */
export class ObservedUsageSection {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByRole("region", { name: /^Declared and observed/ });
  }

  findings(): Locator {
    return this.section().getByRole("list", { name: "Findings" });
  }

  /** The row of a service (on an event type's page) or an event type (on a service's page). */
  row(name: string): Locator {
    return this.section()
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}
