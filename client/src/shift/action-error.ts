/** The cashier-facing text of a refused shift action. */
export function actionError(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong';
}
