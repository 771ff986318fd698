import { useCallback, useMemo, useRef } from "preact/hooks";
import { formatUsd } from "../format/numbers.js";
import { vsTinkerLabel } from "../format/vs-tinker.js";
import { SHAPE_KEYS } from "../scenario/fields.js";
import { queryFromValues } from "../scenario/read-values.js";
import { AdvancedPanel } from "./components/advanced-panel.js";
import { CacheSurvival } from "./components/cache-survival.js";
import { CostChart } from "./components/cost-chart.js";
import { DeadlinePanel } from "./components/deadline-panel.js";
import { ExportBar } from "./components/export-bar.js";
import { Footnote } from "./components/footnote.js";
import { LogDrop } from "./components/log-drop.js";
import { MorePlans } from "./components/more-plans.js";
import { PlanCards } from "./components/plan-cards.js";
import { RealityCheck } from "./components/reality-check.js";
import { ScenarioForm } from "./components/scenario-form.js";
import { ScenarioImport } from "./components/scenario-import.js";
import { TokenMath } from "./components/token-math.js";
import { TrainingPanel } from "./components/training-panel.js";
import { VerdictPanel } from "./components/verdict-panel.js";
import { evaluate, type Priced } from "./evaluate.js";
import {
  defaultDraft,
  modelLabel,
  PAGE_FIELDS,
  PRICED_MODELS,
  parseDraft,
  withGpu,
  withModel,
  withText,
} from "./state.js";
import { useUrlDraft } from "./use-url-draft.js";

// Panels are composed here; each takes the priced scenario and renders one concern, so more can be
// added beside them (reality check, more plans, log drop zone) without touching the others.
export function App() {
  const lastValid = useRef<Priced | undefined>(undefined);
  const getLastValid = useCallback(() => lastValid.current?.values ?? {}, []);
  const { draft, notices, edit, commit } = useUrlDraft(getLastValid);
  const { values, errors } = useMemo(() => parseDraft(draft), [draft]);
  const invalid = PAGE_FIELDS.filter((f) => errors[f.key] !== undefined);

  const current = useMemo(
    () => (invalid.length === 0 ? evaluate(values) : undefined),
    [values, invalid.length],
  );
  if (current?.ok) lastValid.current = current;
  if (!lastValid.current) {
    // A link whose every value is bad still gets figures: the model's defaults.
    const fallback = evaluate(parseDraft(defaultDraft(draft.modelId)).values);
    if (fallback.ok) lastValid.current = fallback;
  }
  const shown = lastValid.current;
  if (!shown) return <p>The catalog could not price the default scenario.</p>;
  const stale = invalid.length > 0 || (current !== undefined && !current.ok);
  const link = `${window.location.origin}${window.location.pathname}?${queryFromValues(shown.values)}`;

  return (
    <div class="page">
      <header class="page-header">
        <h1>Rollout cost: per token or by the GPU-hour?</h1>
        <p>
          What multi-turn agentic RL rollouts cost on per-token billing that re-prefills every turn (Tinker),
          against a dedicated deployment billed by the GPU-hour whose prefix cache survives between turns.
        </p>
      </header>
      <main class="layout">
        <section class="answer" aria-label="Answer">
          <p class="announce visually-hidden" aria-live="polite" aria-atomic="true">
            {stale ? `Input needs fixing; showing the last valid result.` : announcement(shown)}
          </p>
          {stale && (
            <p class="stale" role="note">
              Showing the last valid result.{" "}
              {invalid.length > 0
                ? `Fix ${invalid.map((f) => f.label).join(", ")} to update it.`
                : current && !current.ok
                  ? current.reason
                  : ""}
            </p>
          )}
          <div class={stale ? "result result--stale" : "result"}>
            <VerdictPanel
              priced={shown}
              preset={draft.preset}
              onPreset={(preset) => commit({ ...draft, preset })}
            />
            <PlanCards priced={shown} />
          </div>
        </section>
        <section class="inputs" aria-label="Scenario">
          {notices.map((n) => (
            <p key={n} class="notice" role="status">
              {n}
            </p>
          ))}
          <ScenarioForm
            modelId={draft.modelId}
            text={draft.text}
            errors={errors}
            onModel={(id) => commit(withModel(draft, id))}
            onText={(key, text) => edit(withText(draft, key, text))}
            onCommit={() => commit()}
          />
          <AdvancedPanel
            priced={shown}
            onDerived={(on) => commit({ ...draft, throughput: on ? "derived" : "saturated" })}
            gpuType={draft.gpuType}
            onGpu={(gpu) => commit(withGpu(draft, gpu))}
            text={draft.text}
            errors={errors}
            onText={(key, text) => edit(withText(draft, key, text))}
            onCommit={() => commit()}
          />
          <TrainingPanel
            text={draft.text}
            errors={errors}
            onText={(key, text) => edit(withText(draft, key, text))}
            onCommit={() => commit()}
          />
          <LogDrop
            contextWindowTokens={shown.scenario.windowTokens}
            preset={draft.preset}
            onFitted={({ episodes, shape }, modelId) => {
              let next = withText(
                modelId && PRICED_MODELS.some((m) => m.id === modelId) ? withModel(draft, modelId) : draft,
                "episodes",
                String(episodes),
              );
              for (const key of SHAPE_KEYS) next = withText(next, key, String(shape[key]));
              commit(next);
            }}
          />
        </section>
        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" class="visually-hidden">
            Results
          </h2>
          <div class={stale ? "result result--stale" : "result"}>
            <TokenMath priced={shown} />
            <RealityCheck priced={shown} />
            <MorePlans priced={shown} />
            <DeadlinePanel
              priced={shown}
              text={draft.deadline}
              onText={(deadline) => edit({ ...draft, deadline })}
              onCommit={() => commit()}
            />
            <CostChart priced={shown} />
            <CacheSurvival priced={shown} />
          </div>
          <ExportBar priced={shown} link={link} />
          <ScenarioImport onDraft={(next) => commit(next)} />
          <Footnote priced={shown} />
        </section>
      </main>
    </div>
  );
}

/** What a screen reader hears after each change: the verdict's cheapest plan, then the Fireworks page's two. */
function announcement(shown: Priced): string {
  const { tinker, dedicated } = shown.estimate.plans;
  const page = `Tinker ${formatUsd(tinker.usdTotal)}, dedicated ${formatUsd(dedicated.usdTotal)}, ${vsTinkerLabel(shown.estimate)}`;
  const cheapest = shown.verdict.ok ? shown.verdict.verdict.cheapest : undefined;
  const first = cheapest ? `cheapest ${cheapest.label}, ${formatUsd(cheapest.usdTotal)}; ` : "";
  return `${modelLabel(shown.scenario.model.id)}: ${first}the Fireworks page: ${page}.`;
}
