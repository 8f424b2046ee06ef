import { registerBackground } from '../src/background/handlers';

export default defineBackground(() => {
  registerBackground();
});
