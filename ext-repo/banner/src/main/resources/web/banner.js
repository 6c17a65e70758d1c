// Shows the welcome banner at the top of the page. The text comes from the server setting banner.text.
(function () {
    function show(text) {
        let bar = document.createElement('div');
        bar.className = 'apiary-banner';
        bar.textContent = text;
        document.body.prepend(bar);
    }
    let sessionId = window.session_id;
    if (!sessionId) {
        return;
    }
    fetch('API/GetBanner', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ session_id: sessionId }) })
        .then(r => r.json())
        .then(data => { if (data.text) { show(data.text); } });
})();
