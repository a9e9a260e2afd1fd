/// PLACEHOLDER: ProcessPool and ThreadPool, implemented by the pool engine work.
public enum Multiprocessing {}
