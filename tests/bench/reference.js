// The benchmark's reference: TimelineJS (npm @knight-lab/timelinejs, served locally) showing
// the same events as the explainer, read from the explainer's own data download.
fetch('data.json')
  .then((response) => response.json())
  .then((data) => {
    const parts = (text) => text.split('/')[0].split('-').map(Number);
    const sources = Object.fromEntries(data.sources.map((s) => [s.id, s.title]));
    const events = data.events
      .filter((e) => parts(e.date)[0] >= 2020)
      .map((e) => {
        const [year, month, day] = parts(e.date);
        return {
          start_date: { year, month, day },
          text: { headline: e.place, text: `${e.summary} <em>${sources[e.source]}</em>` },
        };
      });
    window.timeline = new TL.Timeline('timeline-embed', { events }, { font: null, script_path: 'timelinejs/js/', track_events: [] });
  });
