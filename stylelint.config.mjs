// Stylelint for the hand-written stylesheets (static/css and each app's
// static/): the standard rules, a few adapted to the house style (reasons below).
export default {
  extends: ["stylelint-config-standard"],
  // Collected static files (var/static: Wagtail's own CSS and ours, hashed)
  // are not ours to lint.
  ignoreFiles: ["var/**", "node_modules/**", ".venv/**"],
  rules: {
    // One rule per line, its declarations on that line: the stylesheets are
    // short and read as a table of components.
    "declaration-block-single-line-max-declarations": null,
    // Class names follow BEM: block, block__element, block--modifier.
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: (selector) => `Expected class selector "${selector}" to be BEM in kebab-case (block__element--modifier)` },
    ],
    // Rules are grouped by component; this rule compares selectors of
    // different components that never match the same element
    // (".site-footer a" after ".main-nav a:hover") and would force an order
    // by specificity instead.
    "no-descending-specificity": null,
    // "(min-width: 60rem)", not "(width >= 60rem)": the range syntax is
    // ignored by Safari before 16.4, which would then lose the layout.
    "media-feature-range-notation": "prefix",
    // Font family names in the design tokens keep their usual capitals.
    "value-keyword-case": ["lower", { ignoreProperties: ["/^--font-/"] }],
    // iOS Safari only knows the prefixed text-size-adjust.
    "property-no-vendor-prefix": [true, { ignoreProperties: ["-webkit-text-size-adjust"] }],
  },
};
