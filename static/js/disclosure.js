// Filters sit in a closed <details> so that results come first on a phone.
// On a wide screen there is room beside the results: open them. Without
// JavaScript the disclosure simply stays closed (one click opens it).
(function () {
    "use strict";
    const wide = window.matchMedia("(min-width: 60rem)");
    function sync() {
        document.querySelectorAll("details[data-open-wide]").forEach((details) => {
            if (wide.matches) {
                details.open = true;
            }
        });
    }
    sync();
    wide.addEventListener("change", sync);
})();
