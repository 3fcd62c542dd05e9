/* Click to play: a video embed loads nothing from the video host until the reader
   presses play. Without JavaScript the placeholder's link leads to the video. */
(function () {
    "use strict";

    function play(figure) {
        var iframe = document.createElement("iframe");
        iframe.src = figure.dataset.playerUrl;
        iframe.title = figure.dataset.title;
        iframe.allow = "autoplay; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        iframe.referrerPolicy = "strict-origin-when-cross-origin";
        var placeholder = figure.querySelector(".video-embed__placeholder");
        figure.replaceChild(iframe, placeholder);
        iframe.focus();
    }

    document.querySelectorAll(".video-embed[data-player-url]").forEach(function (figure) {
        var button = figure.querySelector(".video-embed__play");
        if (!button || !figure.dataset.playerUrl) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            play(figure);
        });
    });
})();
