/** Vietnamese strings of the commitments feature: the screens' words under `commitments`, its API error codes under `errors`. */
export const commitmentsVi = {
  commitments: {},
  errors: {},
};
