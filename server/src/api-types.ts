// Transitional: the client still imports its wire types from here; they live in the contract (contract/) now.
// The client's next commit imports contract/ directly and removes this file.
export type * from '../../contract/index.js';
