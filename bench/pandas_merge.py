"""The script a coordinator would otherwise write: pandas read_excel(engine="calamine") for every
file, a groupby per dimension, and to_excel with xlsxwriter. Benchmark baseline for planmerge.

python3 bench/pandas_merge.py <folder> <output.xlsx>
"""
import glob
import os
import sys

import pandas as pd

folder, output = sys.argv[1], sys.argv[2]
frames = []
for path in sorted(glob.glob(os.path.join(folder, "*.xlsx"))):
    # the synthetic layout: title row, two header rows; data from row 4
    df = pd.read_excel(path, engine="calamine", header=None, skiprows=3)
    df = df.iloc[:, :11]
    df.columns = ["no", "name", "dimension", "budget", "disbursed", "ordinance",
                  "waiting", "in_progress", "completed", "cannot", "remark"][: df.shape[1]]
    df["division"] = os.path.splitext(os.path.basename(path))[0]
    frames.append(df)
projects = pd.concat(frames, ignore_index=True)
projects["completed_n"] = projects["completed"].notna().astype(int)
summary = projects.groupby("dimension").agg(
    projects=("name", "count"),
    completed=("completed_n", "sum"),
    budget=("budget", "sum"),
    disbursed=("disbursed", "sum"),
)
summary["pct_projects"] = (summary["completed"] / summary["projects"] * 100).round(2)
with pd.ExcelWriter(output, engine="xlsxwriter") as writer:
    summary.to_excel(writer, sheet_name="summary")
    projects.to_excel(writer, sheet_name="projects", index=False)
print(f"pandas: {len(projects)} rows", file=sys.stderr)
