import { useMemo } from "preact/hooks";
import { deadlineBandText } from "../../format/deadline-band.js";
import { formatCount, formatHours, formatUsd } from "../../format/numbers.js";
import { DEADLINE_FIELD } from "../../scenario/fields.js";
import { readNumber } from "../../scenario/read-field.js";
import { bandFactorsOf, deadlineFor } from "../../scenario/solve.js";
import type { Priced } from "../evaluate.js";

const FIELD_ID = "field-deadline";

/**
 * "Finish the episodes in H hours": for each dedicated plan of the verdict's preset, the replicas and
 * GPUs (replicas × GPUs per replica) and what they cost, as `rollout-cost breakeven --deadline-hours H`.
 */
export function DeadlinePanel(props: {
  priced: Priced;
  text: string;
  onText: (text: string) => void;
  onCommit: () => void;
}) {
  const text = props.text;
  const result = props.priced.verdict;
  const read = text.trim() === "" ? undefined : readNumber(DEADLINE_FIELD, text.trim());
  const answers = useMemo(() => {
    if (!result.ok || !read?.ok) return undefined;
    const { priced } = result;
    return deadlineFor(priced.tokens, priced.chosenPlans, read.value, bandFactorsOf(priced));
  }, [result, read?.ok, read?.ok && read.value]);
  const episodes = result.ok ? formatCount(result.priced.scenario.workload.episodes) : "";
  const banded = answers?.some((a) => a.band) ?? false;
  return (
    <section class="reality deadline" aria-labelledby="deadline-title">
      <h3 id="deadline-title">A deadline: how many GPUs to finish on time</h3>
      <div class={read && !read.ok ? "field field--invalid" : "field"}>
        <label for={FIELD_ID}>Finish all {episodes} episodes in (hours)</label>
        <input
          id={FIELD_ID}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder="e.g. 6"
          value={text}
          aria-invalid={read && !read.ok ? "true" : undefined}
          aria-describedby={read && !read.ok ? `${FIELD_ID}-error` : undefined}
          onInput={(e) => props.onText(e.currentTarget.value)}
          onChange={props.onCommit}
        />
        {read && !read.ok && (
          <p class="field-error" id={`${FIELD_ID}-error`}>
            {read.problem.labelMessage}
          </p>
        )}
      </div>
      {answers && answers.length === 0 && (
        <p class="reality-reason">This preset prices no dedicated plan for the scenario.</p>
      )}
      {answers && answers.length > 0 && (
        <table class="plans-table stackable" data-report="deadline">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Replicas</th>
              <th scope="col">GPUs (replicas × per replica)</th>
              <th scope="col">Wall hours</th>
              <th scope="col">$ total</th>
              {banded && <th scope="col">Band</th>}
            </tr>
          </thead>
          <tbody>
            {answers.map((a) => (
              <tr key={a.plan} data-plan={a.plan}>
                <th scope="row">{a.label}</th>
                {a.ok ? (
                  <>
                    <td data-label="Replicas">{formatCount(a.replicas)}</td>
                    <td data-label="GPUs" data-figure="gpus">
                      {formatCount(a.gpus)} ({formatCount(a.replicas)} × {formatCount(a.gpusPerReplica)})
                    </td>
                    <td data-label="Wall hours">{formatHours(a.wallHours)}</td>
                    <td data-label="$ total" data-figure="total">
                      {formatUsd(a.usdTotal)}
                    </td>
                  </>
                ) : (
                  <td data-label="Replicas" colSpan={4}>
                    never: {a.never}
                  </td>
                )}
                {banded && (
                  <td class="band" data-label="Band">
                    {a.band ? deadlineBandText(a.band) : "saturated: no band"}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
