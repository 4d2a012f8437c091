export default function App() {
  return <div data-testid="app">Scale-Out Lab</div>;
}
