"""The HTML page a view is written into: markup, style and the page's own script.

The page gets its data as one JSON object (``LITKG``, see :mod:`litkg.graph.render`) and builds
the vis-network data sets from it. Nothing from the data is ever parsed as HTML: the heading and
notes are escaped by Jinja, every text the script shows (tooltip, details panel, search
results) goes through ``textContent``, and labels are drawn on the canvas as text
(``fillText``); links get an ``href`` only for http(s) addresses.
"""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment

__all__ = ["page_template"]


@lru_cache(maxsize=1)
def page_template():
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(_PAGE)


_STYLE = """
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }
  body { display: flex; flex-direction: column; } h1 { font-size: 17px; margin: 0; }
  header { padding: 6px 14px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap;
           align-items: baseline; gap: 4px 16px; }
  header p { margin: 0; color: #555; } .litkg-note { color: #8a4b00; flex-basis: 100%; }
  #litkg-search input { width: 260px; padding: 2px 6px; }
  #litkg-search-status { margin-left: 8px; color: #555; }
  main { flex: 1; position: relative; min-height: 400px; overflow: hidden; }
  #litkg-network { position: absolute; inset: 0; }
  .litkg-box { position: absolute; background: rgba(255,255,255,.94); border: 1px solid #ccc;
               border-radius: 4px; padding: 6px 10px; font-size: 12px; }
  #litkg-legend { top: 8px; left: 8px; max-width: 230px; }
  #litkg-legend h2, #litkg-panel h2 { font-size: 13px; margin: 0 0 4px; }
  #litkg-legend ul { list-style: none; margin: 0 0 6px; padding: 0; }
  #litkg-legend li { display: flex; align-items: center; gap: 6px; cursor: pointer;
                     user-select: none; }
  #litkg-legend li.litkg-off { opacity: .35; text-decoration: line-through; }
  #litkg-legend label { display: block; margin-top: 3px; } #litkg-legend input[type=number] { width: 56px; }
  #litkg-results { top: 8px; left: 250px; max-width: 420px; max-height: 45%; overflow: auto; }
  #litkg-results button { display: block; border: 0; background: none; padding: 1px 0;
                          text-align: left; cursor: pointer; color: #0a4f8a; font: inherit; }
  #litkg-results .litkg-hidden-hit { color: #777; }
  #litkg-panel { top: 8px; right: 8px; bottom: 8px; width: 340px; overflow: auto; font-size: 13px; }
  #litkg-panel h2 { font-size: 15px; } #litkg-panel h3 { font-size: 13px; margin: 10px 0 2px; }
  #litkg-panel ul { margin: 0; padding-left: 16px; } #litkg-panel li { margin: 2px 0; }
  #litkg-panel .litkg-ev { color: #555; font-style: italic; display: block; }
  #litkg-panel .litkg-go { color: #0a4f8a; cursor: pointer; text-decoration: underline; }
  #litkg-panel-close { float: right; border: 0; background: none; font-size: 16px; cursor: pointer; }
  #litkg-tip { pointer-events: none; white-space: pre-wrap; max-width: 420px; z-index: 5; }
  [hidden] { display: none !important; }
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{# No request may leave the page: it must work offline and cannot leak what it shows. #}
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="litkg">
<title>{{ title }} · litkg</title>
<style>{{ vis_css }}</style>
<style>""" + _STYLE + """</style>
<script>{{ vis_js }}</script>
</head>
<body>
<header>
  <h1 id="litkg-title">{{ title }}</h1>
  <p id="litkg-counts">{{ counts }}</p>
  <form id="litkg-search" role="search">
    <input id="litkg-search-input" type="search" placeholder="Find a paper or concept"
           aria-label="Find a paper or concept" autocomplete="off">
    <button type="submit">Find</button><span id="litkg-search-status" aria-live="polite"></span>
  </form>
  {% if cap_note %}
  <p id="litkg-cap-note" class="litkg-note">{{ cap_note }}</p>
  {% endif %}
  {% for note in notes %}
  <p class="litkg-note">{{ note }}</p>
  {% endfor %}
</header>
<main>
  <div id="litkg-network"></div>
  <aside id="litkg-legend" class="litkg-box" aria-label="Legend">
    <h2>Legend <small>(click to show/hide)</small></h2>
    <ul id="litkg-types">
    {% for kind, swatch in node_legend %}
      <li data-type="{{ kind }}" role="button"><svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">{{ swatch }}</svg>{{ kind }}</li>
    {% endfor %}
    </ul>
    <ul id="litkg-kinds">
    {% for kind, label, colour, dash in edge_legend %}
      <li data-kind="{{ kind }}" role="button"><svg width="32" height="10" aria-hidden="true"><line x1="0" y1="5" x2="32" y2="5" stroke="{{ colour }}" stroke-width="3" stroke-dasharray="{{ dash }}"/></svg>{{ label }}</li>
    {% endfor %}
    </ul>
    {% if years %}
    <label>years <input id="litkg-year-min" type="number" value="{{ years[0] }}" min="{{ years[0] }}" max="{{ years[1] }}"> –
      <input id="litkg-year-max" type="number" value="{{ years[1] }}" min="{{ years[0] }}" max="{{ years[1] }}"></label>
    {% endif %}
    {% if weights %}
    <label>min. link weight <input id="litkg-min-weight" type="range" min="1" max="{{ weights }}" value="1"> <output id="litkg-min-weight-value">1</output></label>
    {% endif %}
    {% if hide_edges %}
    <label><input id="litkg-show-edges" type="checkbox"> show all {{ hide_edges }} links <small>(else those of the node clicked)</small></label>
    {% endif %}
    {% if communities %}
    <label><input id="litkg-colour-communities" type="checkbox"{% if communities_on %} checked{% endif %}> colour by community</label>
    <ul id="litkg-community-legend"{% if not communities_on %} hidden{% endif %}>
    {% for name, colour in community_legend %}
      <li><svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true"><circle r="5" fill="{{ colour }}"/></svg>{{ name }}</li>
    {% endfor %}
      <li><svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true"><circle r="5" fill="#cfcfcf"/></svg>other</li>
    </ul>
    {% endif %}
  </aside>
  <aside id="litkg-results" class="litkg-box" aria-label="Search results" hidden></aside>
  <aside id="litkg-panel" class="litkg-box" aria-label="Details" hidden></aside>
  <div id="litkg-tip" class="litkg-box" hidden></div>
</main>
<script>
var LITKG = {{ data_json }};
{{ page_js }}
</script>
</body>
</html>
"""
