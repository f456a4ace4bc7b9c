#!/usr/bin/env python3
"""Runs axe-core (WCAG 2.0 A/AA, 2.1 AA and best practice) in Debian's Chromium on each page given,
and reports violations and browser console errors. Used by scripts/check-site.

    check-site-axe.py AXE_JS PAGE.html...

Prints one line per page, "PASS path" or "FAIL path: reasons", and exits 1 if any page failed.
"""
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def main() -> int:
    axe = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    pages = sys.argv[2:]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    failed = 0
    try:
        for page in pages:
            driver.get(pathlib.Path(page).resolve().as_uri())
            driver.execute_script(axe)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']}})"
                ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));"
            )
            violations = json.loads(result)
            console = [entry for entry in driver.get_log("browser") if entry.get("level") in ("SEVERE", "WARNING")]
            reasons = []
            for v in violations:
                targets = ", ".join(" ".join(n.get("target", [])) for n in v.get("nodes", [])[:3])
                reasons.append(f"{v['id']} ({v.get('impact')}): {v.get('help')} at {targets}")
            for entry in console:
                reasons.append(f"console {entry['level']}: {entry['message']}")
            if reasons:
                failed += 1
                print(f"FAIL {page}:")
                for reason in reasons:
                    print(f"    {reason}")
            else:
                print(f"PASS {page}")
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
