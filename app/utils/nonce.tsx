import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
/** The CSP nonce of this response, for Remix's inline scripts. */
export const useNonce = () => useContext(NonceContext);
