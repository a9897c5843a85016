"""The app's style sheets as literals (no content in them): the passages drawn as HTML (ui.prose), the rows of
links that stand for choices (an option, a section), the blocks to copy, the theme's link and badge colours, and
the print style. ui.chrome draws them once per run, with the sidebar's tools."""

# Style for printing (takes no space on screen): the document without the sidebar, header, toolbar or controls,
# and nothing cut by a fixed height. Static CSS, no content in it; drawn once per run, with the sidebar's tools.
PRINT_STYLE = """<style>
        @media print {
          [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
          [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
          [data-testid="stSelectbox"], .pager, .st-key-pills-options, .st-key-pills-filters, .st-key-sections, [data-testid="stMultiSelect"], [data-testid="stTextInput"],
          [data-testid="stNumberInput"], [data-testid="stButton"], [data-testid="stDownloadButton"],
          [data-testid="stPopover"], [data-testid="stPageLink"], [data-testid="stPills"],
          [data-testid="stButtonGroup"], [data-testid="stSegmentedControl"], [data-testid="stCheckbox"],
          [data-testid="stToggle"], [data-testid="stIFrame"], iframe { display: none !important; }
          [data-testid="stAppViewContainer"], [data-testid="stMain"], [data-testid="stMainBlockContainer"] {
            position: static !important; overflow: visible !important; height: auto !important;
            max-width: none !important; padding: 0 !important; margin: 0 !important;
          }
          [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stExpander"] { break-inside: avoid; }
          a { color: inherit !important; }
        }
        </style>"""
# Streamlit's look for Markdown, for the passages drawn as HTML (ui.prose; Streamlit's global styles already give
# fonts, colours and paragraphs), and the theme's link colours (config.toml's linkColor; a test holds them equal).
PROSE_STYLE = """<style>
.prose { line-height: 1.6; overflow-wrap: break-word; }
.prose > :last-child, .prose li > :last-child { margin-bottom: 0; }
.prose hr { margin: 2em 0; padding: 0; border: none;
  border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
.prose ul, .prose ol { padding-left: 1.5em; margin: 0 0 1rem; }
.prose li { margin: 0.2em 0; }
.prose table { border-collapse: separate; border-spacing: 0; margin: 0 0 1rem; display: block; max-width: 100%;
  overflow-x: auto; }
.prose th, .prose td { border: 0 solid color-mix(in srgb, currentColor 20%, transparent); border-width: 0 1px 1px 0;
  padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.prose tr > :first-child { border-left-width: 1px; } .prose thead th { border-top-width: 1px; }
.prose-badge { display: inline-block; font-size: 0.875rem; line-height: 1.6; padding: 0 0.4rem; border-radius: 0.375rem;
  white-space: nowrap; }
.prose td > a > .prose-badge { font-weight: 600; color: #FFFFFF !important; padding: 0.1rem 0.6rem; }
.prose td > a > .prose-badge-blue { background: #0072B2 !important; }
.prose td > a > .prose-badge-orange { background: #B34A00 !important; }
.prose td > a > .prose-badge-violet { background: #AA4499 !important; }
.prose td:first-child, .prose th:first-child { position: sticky; left: 0; z-index: 1; }
.st-key-pills-options ul, .st-key-pills-filters ul { list-style: none; padding: 0; margin: 0 0 0.5rem; display: flex;
  flex-wrap: wrap; gap: 0.4rem; }
.st-key-pills-options li, .st-key-pills-filters li { margin: 0; }
.st-key-pills-options p, .st-key-pills-filters p { font-size: 0.875rem; margin: 0 0 0.25rem; }
.st-key-pills-options li > *, .st-key-pills-filters li > * { display: inline-block; padding: 0.2rem 0.75rem;
  border-radius: 1rem; text-decoration: none; border: 1px solid color-mix(in srgb, currentColor 35%, transparent); }
.st-key-pills-options li > strong, .st-key-pills-filters li > strong { border-color: currentColor;
  background: color-mix(in srgb, currentColor 10%, transparent); }
.st-key-pills-filters li > strong > a { text-decoration: none; }
.st-key-pills-filters li > em { font-style: normal; opacity: 0.7; }  /* a value that cannot be chosen now */
@media (min-width: 641px) { .st-key-pills-filters .prose { display: grid; grid-template-columns: max-content 1fr;
  column-gap: 0.75rem; align-items: baseline; } .st-key-pills-filters .prose > p { margin: 0; } }
.st-key-pills-options li > a:hover, .st-key-pills-filters li > a:hover { border-color: currentColor; }
.st-key-sections ul { list-style: none; padding: 0; margin: 0.5rem 0 0.75rem; display: flex; flex-wrap: wrap;
  column-gap: 1.5rem; border-bottom: 1px solid color-mix(in srgb, currentColor 20%, transparent); }
.st-key-sections li { margin: 0; } .st-key-sections { scroll-margin-top: 4.5rem; }
.st-key-sections li > * { display: inline-block; padding: 0.45rem 0 0.35rem; margin-bottom: -1px;
  text-decoration: none; border-bottom: 3px solid transparent; }
.st-key-sections li > strong { border-bottom-color: currentColor; }
.st-key-sections li > a:hover { border-bottom-color: color-mix(in srgb, currentColor 40%, transparent); }
.pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; margin: 0 0 0.5rem;
  scroll-margin-top: 4.5rem; }  /* brought into view below the app's top bar (a phone's is opaque) */
.pager p { margin: 0; font-size: 0.875rem; } .pager ul { list-style: none; padding: 0; margin: 0; display: flex;
  flex-wrap: wrap; gap: 0.35rem; } .pager li { margin: 0; }
.pager li > * { display: inline-block; min-width: 2.5rem; box-sizing: border-box; text-align: center; padding: 0.3rem 0.65rem;
  border-radius: 0.5rem; text-decoration: none; border: 1px solid color-mix(in srgb, currentColor 35%, transparent); }
.pager li > strong { border-color: currentColor; background: color-mix(in srgb, currentColor 10%, transparent); }
.pager li > .off { opacity: 0.7; } .pager li > .gap { border-color: transparent; min-width: 0; padding-inline: 0.1rem; }
.pager li > a:hover { border-color: currentColor; } .pager a:focus-visible { outline: 2px solid currentColor; }
.copyable { position: relative; margin: 0 0 1.4rem; }
.copyable pre { margin: 0; padding: 0.75rem 4.5rem 0.75rem 1rem; border-radius: 0.5rem; white-space: pre-wrap;
  overflow-wrap: anywhere; background: color-mix(in srgb, currentColor 6%, transparent); }
.copyable code { font-family: "Source Code Pro", monospace; font-size: 0.85rem; background: none; padding: 0; }
.copyable button { position: absolute; top: 0.45rem; right: 0.45rem; font: inherit; font-size: 0.8rem; color: inherit;
  background: transparent; border: 1px solid color-mix(in srgb, currentColor 50%, transparent); border-radius: 0.375rem;
  padding: 0.1rem 0.55rem; cursor: pointer; }
.copyable button:hover { border-color: currentColor; }
.copyable button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.copyable [role="status"] { position: absolute; right: 0.5rem; top: 100%; font-size: 0.75rem; }
.cards { display: grid; gap: 1rem; margin: 0 0 1rem; } .cards-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.cards-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); } .cards-4 { grid-template-columns: repeat(4, minmax(0, 1fr)); }
@media (max-width: 640px) { .cards { grid-template-columns: minmax(0, 1fr); } }
.card { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 0.5rem; padding: 1rem; }
.card > :last-child { margin-bottom: 0; } .card h3 { font-size: 1.5rem; font-weight: 600; margin: 0.5rem 0; padding: 0; }
.compare-cells .card, .figure-titles .card { border: none; border-radius: 0; padding: 0; }
.figure-titles details { margin-top: 0; }
.prose details { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 0.5rem;
  padding: 0.25rem 0.75rem; margin: 0.5rem 0 1rem; } .prose details[open] { padding-bottom: 0.5rem; }
.prose summary { cursor: pointer; padding: 0.25rem 0; } .prose summary:focus-visible { outline: 2px solid currentColor; }
.figure-cards .card > p { margin: 0; } .figure-cards .card > p:first-child { font-size: 0.875rem; }
.figure-cards .card > p:nth-child(2) { font-size: 2.25rem; line-height: 1.3; }
.figure-cards .card > p:nth-child(2) strong { font-weight: 400; }
.figure-cards .card > p:nth-child(n+3) { font-size: 0.875rem; color: color-mix(in srgb, currentColor 75%, transparent); }
[class*="st-key-memo-header-"] > [data-testid="stElementContainer"] { min-width: min(100%, 16rem); }
"""
# A table's first column stays in view as it scrolls sideways (People's grid on a phone), on the theme's
# background. The badges' colours, as Streamlit's own badges, each at AA (4.5:1 and more) on its own background.
LINK_LIGHT = """.prose a { color: #0B5CAD; } .prose td:first-child, .prose th:first-child { background: #FFFFFF; }
.prose-badge-blue { color: #0B5CAD; background: #E6F0FA; } .prose-badge-orange { color: #9A4A00; background: #FDF0E4; }
.prose-badge-green { color: #1B6B3A; background: #E6F4EA; } .prose-badge-violet { color: #6B3FA0; background: #F1EBFA; }
.prose-badge-yellow { color: #6B5B00; background: #FAF6DC; } .prose-badge-red { color: #B0232A; background: #FCE8E8; }
.prose-badge-gray { color: #4D4D4D; background: #F0F0F0; }
</style>"""
LINK_DARK = """.prose a { color: #8CC4FF; } .prose td:first-child, .prose th:first-child { background: #0E1117; }
.prose-badge-blue { color: #8CC4FF; background: #1A2A40; } .prose-badge-orange { color: #F0A030; background: #3A2A15; }
.prose-badge-green { color: #2FC39A; background: #15332A; } .prose-badge-violet { color: #C9A6FF; background: #2B2140; }
.prose-badge-yellow { color: #E8D44D; background: #35321A; } .prose-badge-red { color: #FF8F8F; background: #401A1A; }
.prose-badge-gray { color: #BDBDBD; background: #2A2A2A; }
</style>"""
