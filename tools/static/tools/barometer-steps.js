// The barometer form, one dimension per step. Without JavaScript every
// dimension is shown in one long form; with it, the sections become steps
// with "Précédent" / "Suivant" buttons and a progress bar. The form itself is
// unchanged: every step's fields stay in the DOM and are all submitted.
(function () {
    "use strict";
    const form = document.querySelector(".barometer-form");
    if (!form) {
        return;
    }
    const steps = Array.from(form.querySelectorAll("[data-step]"));
    const status = form.querySelector("[data-step-status]");
    const links = Array.from(form.querySelectorAll("[data-step-link]"));
    if (steps.length < 2 || !status) {
        return;
    }
    let current = 0;
    const progress = document.createElement("progress");
    progress.max = steps.length;
    progress.className = "barometer-steps__progress";
    progress.setAttribute("aria-hidden", "true");
    status.after(progress);

    function button(label, className, onClick) {
        const element = document.createElement("button");
        element.type = "button";
        element.className = className;
        element.textContent = label;
        element.addEventListener("click", onClick);
        return element;
    }

    function show(index, moveFocus) {
        current = Math.max(0, Math.min(steps.length - 1, index));
        steps.forEach((step, i) => {
            step.hidden = i !== current;
        });
        links.forEach((link, i) => {
            if (i === current) {
                link.setAttribute("aria-current", "step");
            } else {
                link.removeAttribute("aria-current");
            }
        });
        progress.value = current + 1;
        status.textContent = `Étape ${current + 1} sur ${steps.length} : ${steps[current].dataset.stepLabel}`;
        if (moveFocus) {
            const heading = steps[current].querySelector("h2");
            if (heading) {
                heading.focus();
            }
        }
    }

    steps.forEach((step, i) => {
        const nav = document.createElement("div");
        nav.className = "barometer-steps__buttons";
        if (i > 0) {
            nav.append(button("Étape précédente", "button--secondary", () => show(i - 1, true)));
        }
        if (i < steps.length - 1) {
            nav.append(button("Étape suivante", "", () => show(i + 1, true)));
        }
        step.append(nav);
    });
    links.forEach((link, i) => {
        link.addEventListener("click", (event) => {
            event.preventDefault();
            show(i, true);
        });
    });
    form.classList.add("barometer-form--steps");
    // After a failed submission, open the first step with an error.
    const firstError = steps.findIndex((step) => step.querySelector(".field--error"));
    show(firstError === -1 ? 0 : firstError, false);
})();
