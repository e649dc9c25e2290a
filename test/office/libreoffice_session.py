#!/usr/bin/python3
"""Drives one headless LibreOffice over a workbook, for test/office/libreoffice.test.ts.

One LibreOffice start-up (the slow part) serves every check. Each task loads a workbook and
  - types into cells as a user would and saves the result (`edits`, `edited`),
  - saves it again unchanged as .xlsx (`resaved`: the filter `soffice --convert-to xlsx` uses),
  - prints it, or only the sheet `printSheet`, to PDF (`pdf`: as `soffice --convert-to pdf`),
  - measures it (`measure`): for every row of every visible sheet, the height the file gives
    it against the height LibreOffice's own layout needs to show every cell whole (its
    "optimal height"); rows given less are listed,
  - prints it again with every row at that optimal height (`optimalPdf`).
Prints one JSON object on stdout; LibreOffice's own chatter goes to stderr.

usage: libreoffice_session.py TASKS_JSON
  TASKS_JSON: [{"source": "in.xlsx", "resaved": "out.xlsx", "printSheet": "查核項目",
                "pdf": "out.pdf", "measure": true, "optimalPdf": "optimal.pdf"},
               {"source": "in.xlsx", "edited": "edited.xlsx",
                "edits": [{"sheet": "缺失", "cell": "K2", "typed": "2025-06-30"}]}]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE = os.environ.get("SOFFICE", "soffice")
START_TIMEOUT_S = 60


def props(**values):
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name = name
        prop.Value = value
        out.append(prop)
    return tuple(out)


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def start(profile, pipe):
    process = subprocess.Popen(
        [
            SOFFICE,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            f"-env:UserInstallation={url(profile)}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=sys.stderr,
        stderr=sys.stderr,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            context = resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
            )
            break
        except NoConnectException:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    return process, desktop


def load(desktop, path):
    return desktop.loadComponentFromURL(url(path), "_blank", 0, props(Hidden=True))


def save_xlsx(document, path):
    document.storeToURL(url(path), props(FilterName="Calc MS Excel 2007 XML"))


def save_pdf(document, path):
    document.storeToURL(url(path), props(FilterName="calc_pdf_Export"))


def used_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.RangeAddress.EndRow + 1


def measure(document):
    """Per visible sheet: rows whose stored height is less than LibreOffice needs (1/100 mm)."""
    sheets = []
    for index in range(document.Sheets.Count):
        sheet = document.Sheets.getByIndex(index)
        if not sheet.IsVisible:
            continue
        rows = sheet.Rows
        stored = [rows.getByIndex(r).Height for r in range(used_rows(sheet))]
        short = []
        for r, height in enumerate(stored):
            row = rows.getByIndex(r)
            row.OptimalHeight = True
            needed = row.Height
            if needed > height:
                short.append({"row": r + 1, "stored": height, "needed": needed})
        sheets.append({"name": sheet.Name, "rows": len(stored), "short": short})
    return sheets


def edit(document, edits):
    """Types into cells as a user does: `setFormula` parses the input as the cell's input line
    would (a date typed into a date cell becomes a date, text stays text)."""
    for change in edits:
        sheet = document.Sheets.getByName(change["sheet"])
        sheet.getCellRangeByName(change["cell"]).setFormula(change["typed"])


def print_sheet(document, name, path):
    """Prints one sheet (or, without a name, the workbook) to PDF: LibreOffice prints the
    visible sheets, so the others are hidden while it does."""
    if name is None:
        save_pdf(document, path)
        return
    sheets = document.Sheets
    target = sheets.getByName(name)
    document.CurrentController.setActiveSheet(target)
    hidden = []
    for index in range(sheets.Count):
        sheet = sheets.getByIndex(index)
        if sheet.Name != name and sheet.IsVisible:
            sheet.IsVisible = False
            hidden.append(sheet)
    try:
        save_pdf(document, path)
    finally:
        for sheet in hidden:
            sheet.IsVisible = True


def run(desktop, task):
    """One task on a freshly loaded workbook; each step is optional, in this order."""
    result = {"source": task["source"]}
    document = load(desktop, task["source"])
    try:
        if "edits" in task:
            edit(document, task["edits"])
            save_xlsx(document, task["edited"])
        if "resaved" in task:
            save_xlsx(document, task["resaved"])
        if "pdf" in task:
            print_sheet(document, task.get("printSheet"), task["pdf"])
        if task.get("measure"):
            result["sheets"] = measure(document)
        if "optimalPdf" in task:
            # After `measure`, every row has the height LibreOffice's layout gives it.
            print_sheet(document, task.get("printSheet"), task["optimalPdf"])
    finally:
        document.close(True)
    return result


def main():
    tasks = json.loads(sys.argv[1])
    began = time.monotonic()
    results = []
    with tempfile.TemporaryDirectory(prefix="aw-lo-profile-") as profile:
        process, desktop = start(profile, f"aw_lo_{os.getpid()}")
        started = time.monotonic()
        try:
            results = [run(desktop, task) for task in tasks]
        finally:
            try:
                desktop.terminate()
            except Exception:  # the bridge goes away as LibreOffice quits
                pass
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    timings = {
        "startMs": round((started - began) * 1000),
        "totalMs": round((time.monotonic() - began) * 1000),
    }
    print(json.dumps({"results": results, "timings": timings}))


if __name__ == "__main__":
    main()
