pub mod staff_index;
