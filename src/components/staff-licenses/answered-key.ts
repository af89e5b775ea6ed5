"use client";

import { useState } from "react";
import type { FormState } from "../forms/form-state";

/**
 * A key that changes with every answer of a form's action. React resets a form's inputs after
 * its action; remounting the fields on each answer keeps what they show and what they hold the
 * same (blank after a success, as typed after a refusal), as the refund form does.
 */
export function useAnsweredKey(state: FormState): number {
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return answered.count;
}
