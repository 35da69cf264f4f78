import { describe, expect, it } from "vitest";

import { chooseTagLabels, tagLabel, tagLabels, toTags, withTagLabels } from "@/lib/content/tags";

const post = (...names: string[]) => ({ tags: toTags(names) });
const uses = (...spellings: [string, string][]) => spellings.map(([name, file]) => ({ name, file }));

describe("one label per tag", () => {
  it("shows the spelling most posts use", () => {
    const labels = tagLabels(
      [post("engineering leadership"), post("Engineering Leadership"), post("Engineering Leadership")],
      [],
    );
    expect(labels.get("engineering-leadership")).toBe("Engineering Leadership");
    const lower = tagLabels(
      [post("engineering leadership"), post("engineering leadership"), post("Engineering Leadership")],
      [],
    );
    expect(lower.get("engineering-leadership")).toBe("engineering leadership");
  });

  it("breaks a tie by code-point order, whatever the order of the posts", () => {
    const a = tagLabels([post("engineering leadership"), post("Engineering Leadership")], []);
    const b = tagLabels([post("Engineering Leadership"), post("engineering leadership")], []);
    expect(a.get("engineering-leadership")).toBe("Engineering Leadership");
    expect(b.get("engineering-leadership")).toBe("Engineering Leadership");
  });

  it("uses the label map of lib/site.ts when it names the tag, whatever the posts write", () => {
    const pinned = ["Engineering leadership", "On-Call"];
    const labels = tagLabels([post("Engineering Leadership", "on-call"), post("Engineering Leadership")], pinned);
    expect(labels.get("engineering-leadership")).toBe("Engineering leadership");
    expect(labels.get("on-call")).toBe("On-Call");
    const choice = chooseTagLabels(uses(["Engineering Leadership", "a.mdx"]), pinned).get("engineering-leadership")!;
    expect(choice).toMatchObject({ label: "Engineering leadership", pinned: true });
  });

  it("counts a post once per tag, and extra spaces are not another spelling", () => {
    const choice = chooseTagLabels(uses(["On  call", "a.mdx"], ["On call", "b.mdx"]), []).get("on-call")!;
    expect([...choice.spellings.keys()]).toEqual(["On call"]);
  });

  it("gives every post the label, so pages, feeds, JSON-LD and the search filter agree", () => {
    const posts = withTagLabels([
      post("engineering leadership", "Culture"),
      post("Engineering Leadership"),
      post("Engineering Leadership"),
    ]);
    expect(posts.map((p) => p.tags.map((t) => t.name))).toEqual([
      ["Engineering Leadership", "Culture"],
      ["Engineering Leadership"],
      ["Engineering Leadership"],
    ]);
    expect(tagLabel("engineering-leadership", tagLabels(posts))).toBe("Engineering Leadership");
    expect(tagLabel("no-such-tag", tagLabels(posts))).toBeUndefined();
  });
});
